/**
 * Labels of the synthetic generator, set from each fault's physics (what it changed, from which
 * interval on), never from the detector's parameters. `hard` kinds must be REJECTED; `soft` kinds
 * must not be APPROVED; `clean` readings (including startups, shutdowns, part load and readings
 * after gaps) should be APPROVED. Every reading of a fault episode counts, from its first
 * misstated interval: the early ones are hard to tell from noise, and their rates say so (the
 * detection report breaks episodes down by onset interval).
 */
export const faultKinds = {
  clean: 'clean',
  schema: 'hard',
  bad_signature: 'hard',
  unknown_device: 'hard',
  replay: 'hard',
  duplicate_interval: 'hard',
  sequence: 'hard',
  future: 'hard',
  over_capacity: 'hard',
  efficiency_impossible: 'hard',
  zero_flow_energy: 'hard',
  negative: 'hard',
  register_decrease: 'hard',
  efficiency_high: 'soft',
  export_ratio: 'soft',
  register_mismatch: 'soft',
  power_mismatch: 'soft',
  stuck: 'soft',
  step: 'soft',
  drift: 'soft',
  cadence: 'soft',
  /** The export (revenue) meter reads 3–6 % low, its register in step (a CT or PT error on one meter). */
  export_underread: 'soft',
  /** The logger's analog channels (flow, head, power) re-send their last values for a few intervals. */
  frozen_logger: 'soft',
  /**
   * Every energy channel reads 3–5 % high together (one CT ratio error upstream of all meters, the
   * register in step): a family the detector was not designed around — only implied efficiency
   * moves, by less than the efficiency rules' bands.
   */
  ct_ratio_error: 'soft',
} as const;

export type FaultKind = keyof typeof faultKinds;
export type FaultClass = (typeof faultKinds)[FaultKind];
