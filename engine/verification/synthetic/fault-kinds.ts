/**
 * Labels of the synthetic generator. `hard` kinds must be REJECTED; `soft` kinds must not be
 * APPROVED; `clean` readings (including startups, shutdowns, part load and readings after gaps)
 * should be APPROVED; `ambiguous` ones are excluded from the rates.
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
  /** The first readings of a frozen sensor or a slow drift: not yet distinguishable from noise. */
  stuck_onset: 'ambiguous',
  drift_onset: 'ambiguous',
} as const;

export type FaultKind = keyof typeof faultKinds;
export type FaultClass = (typeof faultKinds)[FaultKind];
