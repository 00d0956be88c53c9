/**
 * The closed catalog of verification rules. It is the contract between the verification engine
 * (which implements each rule) and the policy language (whose `verification.rules` section may only
 * name rules listed here, set their weights, and override their parameters within bounds).
 *
 * A hard rule REJECTs a reading whatever its trust score; a soft rule lowers the score by its
 * weight (more when the measurement is far beyond the limit, see `scoreVerdict`) and, by the
 * policy's thresholds, makes the reading FLAGGED for a human. Default soft weights are ≥ 0.25 so
 * that one failed soft rule drops a reading below an approve threshold of 0.8.
 *
 * Parameter units are UCUM-style strings understood by `engine/units` ('1' means dimensionless).
 */
export interface RuleParamSpec {
  unit: string;
  default: number;
  min?: number;
  max?: number;
  description: string;
}

export interface RuleSpec {
  id: string;
  hard: boolean;
  /** Default weight of a soft rule in the trust score (ignored for hard rules). */
  weight: number;
  description: string;
  params: Record<string, RuleParamSpec>;
}

function rule(spec: RuleSpec): RuleSpec {
  return spec;
}

/** Shared by the learned-baseline rules (baseline.*). */
const BASELINE_PARAMS: Record<string, RuleParamSpec> = {
  window: { unit: '1', default: 48, min: 16, max: 96, description: 'Approved readings kept per load band.' },
  min_history: {
    unit: '1',
    default: 24,
    min: 8,
    max: 96,
    description: 'Approved readings in a band before it is judged (cold start: the static limits only).',
  },
  k: {
    unit: '1',
    default: 5,
    min: 2,
    max: 20,
    description: 'Half-width of the learned band in robust deviations.',
  },
};

export const ruleCatalog = {
  schema: rule({
    id: 'schema',
    hard: true,
    weight: 0,
    description: 'Document is valid telemetry v1 with supported units.',
    params: {},
  }),
  signature: rule({
    id: 'signature',
    hard: true,
    weight: 0,
    description: "Ed25519 signature over the JCS form verifies with the device DID's key.",
    params: {},
  }),
  device: rule({
    id: 'device',
    hard: true,
    weight: 0,
    description: 'Device is registered to the plant and active.',
    params: {},
  }),
  replay: rule({
    id: 'replay',
    hard: true,
    weight: 0,
    description: '(device, seq) was not seen before.',
    params: {},
  }),
  'time.sequence': rule({
    id: 'time.sequence',
    hard: true,
    weight: 0,
    description: 'seq is strictly greater than the last accepted seq.',
    params: {},
  }),
  'time.duplicate_interval': rule({
    id: 'time.duplicate_interval',
    hard: true,
    weight: 0,
    description: 'The interval was not already reported under another seq.',
    params: {},
  }),
  'time.future': rule({
    id: 'time.future',
    hard: true,
    weight: 0,
    description: "Timestamp is not ahead of the verifier's clock beyond a tolerance.",
    params: {
      tolerance_s: { unit: 's', default: 300, min: 0, max: 3600, description: 'Allowed clock skew.' },
    },
  }),
  'time.cadence': rule({
    id: 'time.cadence',
    hard: false,
    weight: 0.25,
    description: "interval_s matches the device's usual cadence.",
    params: {},
  }),
  'physics.negative': rule({
    id: 'physics.negative',
    hard: true,
    weight: 0,
    description: 'No physical quantity is negative.',
    params: {},
  }),
  'physics.capacity': rule({
    id: 'physics.capacity',
    hard: true,
    weight: 0,
    description: 'Energy ≤ scope capacity × interval × (1 + tolerance).',
    params: {
      tolerance: {
        unit: '1',
        default: 0.05,
        min: 0,
        max: 0.5,
        description: 'Allowed excess over nameplate.',
      },
    },
  }),
  'physics.efficiency': rule({
    id: 'physics.efficiency',
    hard: false,
    weight: 0.35,
    description:
      'Implied efficiency P / (ρ·g·Q·H) within the turbine type band; above 1 is impossible (hard).',
    params: {
      max_physical: {
        unit: '1',
        default: 1,
        min: 0.9,
        max: 1,
        description: 'Implied efficiency above this is rejected.',
      },
    },
  }),
  'physics.power_energy': rule({
    id: 'physics.power_energy',
    hard: false,
    weight: 0.25,
    description: 'power_output × interval ≈ energy.',
    params: { tolerance: { unit: '1', default: 0.05, min: 0, max: 0.5, description: 'Relative tolerance.' } },
  }),
  'physics.export_ratio': rule({
    id: 'physics.export_ratio',
    hard: false,
    weight: 0.25,
    description: 'energy_export / energy within bounds (auxiliary use, losses).',
    params: {
      min: { unit: '1', default: 0.9, min: 0, max: 1, description: 'Lowest plausible export ratio.' },
      max: { unit: '1', default: 1.0, min: 0.9, max: 1.05, description: 'Highest plausible export ratio.' },
    },
  }),
  'physics.register_delta': rule({
    id: 'physics.register_delta',
    hard: false,
    weight: 0.25,
    description:
      "energy_register delta ≈ energy_export over the elapsed time, within the meter's accuracy class; a decreasing register is rejected.",
    params: {
      extra_tolerance: {
        unit: '1',
        default: 0.01,
        min: 0,
        max: 0.2,
        description: 'Relative tolerance added to the accuracy class.',
      },
    },
  }),
  'stats.stuck': rule({
    id: 'stats.stuck',
    hard: false,
    weight: 0.25,
    description: 'A sensor repeats the identical non-zero value for too many intervals.',
    params: {
      window: {
        unit: '1',
        default: 6,
        min: 3,
        max: 96,
        description:
          "Cold start: identical consecutive values that count as stuck until the channel's noise is learned.",
      },
      p_max: {
        unit: '1',
        default: 1e-5,
        min: 1e-12,
        max: 0.01,
        description:
          "A run of identical values whose probability under the channel's learned noise and resolution is below this is stuck.",
      },
    },
  }),
  'stats.frozen': rule({
    id: 'stats.frozen',
    hard: false,
    weight: 0.25,
    description:
      'Several channels repeat at once: the joint probability of their runs under their learned noise is below stats.stuck p_max.',
    params: {},
  }),
  'stats.step': rule({
    id: 'stats.step',
    hard: false,
    weight: 0.25,
    description: 'A step in energy is explained by a step in flow × head.',
    params: {
      tolerance: {
        unit: '1',
        default: 0.3,
        min: 0.05,
        max: 2,
        description: 'Allowed relative mismatch between energy and hydraulic-power steps.',
      },
    },
  }),
  'stats.drift': rule({
    id: 'stats.drift',
    hard: false,
    weight: 0.3,
    description:
      "Implied efficiency stays within k robust deviations (median/MAD) of the device's own rolling baseline.",
    params: {
      window: { unit: '1', default: 96, min: 8, max: 2000, description: 'Readings in the rolling baseline.' },
      min_history: {
        unit: '1',
        default: 12,
        min: 4,
        max: 500,
        description: 'Readings needed before the rule applies.',
      },
      k: { unit: '1', default: 6, min: 2, max: 20, description: 'Allowed robust z-score.' },
    },
  }),
  'time.chain': rule({
    id: 'time.chain',
    hard: false,
    weight: 0.25,
    description:
      "prev_hash names the device's last accepted document: a break shows documents lost between the meter and the verifier.",
    params: {},
  }),
  'baseline.export_ratio': rule({
    id: 'baseline.export_ratio',
    hard: false,
    weight: 0.3,
    description:
      "energy_export / energy stays inside the device's learned band for its output band, widened by the two meters' accuracy classes.",
    params: BASELINE_PARAMS,
  }),
  'baseline.register_ratio': rule({
    id: 'baseline.register_ratio',
    hard: false,
    weight: 0.3,
    description:
      "energy_register delta / energy_export stays inside the device's learned band, widened by the meters' accuracy classes.",
    params: BASELINE_PARAMS,
  }),
  'baseline.head_flow': rule({
    id: 'baseline.head_flow',
    hard: false,
    weight: 0.25,
    description:
      "Head stays inside the band the device learned for its flow band, widened by the head sensor's accuracy.",
    params: BASELINE_PARAMS,
  }),
  'calibration.overdue': rule({
    id: 'calibration.overdue',
    hard: false,
    weight: 0.3,
    description:
      "Every meter of the device has a valid calibration for the reading's interval (policy verification.calibration); REJECTED instead when the policy says on_lapse: reject.",
    params: {},
  }),
  'calibration.invalid': rule({
    id: 'calibration.invalid',
    hard: false,
    weight: 0.3,
    description:
      "A meter's calibration certificate cannot vouch for the reading: it names another device, or it is dated after the reading's interval. Judged as a lapse (on_lapse).",
    params: {},
  }),
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof ruleCatalog;
