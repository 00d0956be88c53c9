import type { Plant } from '../../plant/plant.ts';

/** A scenario event: sent by a role (with payload) or a pending timer of the given duration firing. */
export interface ScenarioEvent {
  event?: string;
  role?: string;
  timer?: string;
  payload?: Record<string, unknown>;
}

export interface ScenarioValues {
  flow_m3s?: number;
  head_m?: number;
  energy_kwh?: number;
  export_kwh?: number;
  register_kwh?: number;
  power_kw?: number;
}

export interface ScenarioSeries {
  device: string;
  count: number;
  first_seq?: number;
  start: string;
  interval_s?: number;
  flow_m3s: number;
  head_m: number;
  efficiency: number;
  export_ratio?: number;
  register_start_kwh?: number;
  vary?: number;
}

export type ScenarioReadingEntry =
  | { series: ScenarioSeries }
  | {
      reading: {
        device: string;
        seq: number;
        timestamp: string;
        interval_s?: number;
        values: ScenarioValues;
        tamper?: boolean;
      };
    }
  | { raw: string };

export interface ScenarioExpectation {
  statuses?: Record<string, string>;
  status_counts?: Record<string, number>;
  credentials?: Record<string, number>;
  minted?: number;
  period_status?: string;
  device_status?: string;
  eligible?: boolean;
  eg_mwh?: number;
  refused?: number;
  notifications?: Record<string, number>;
  anchors?: Record<string, number>;
}

/** A fixture scenario (schemas/policy-scenario.schema.json) with its plant already loaded. */
export interface Scenario {
  name: string;
  description?: string;
  plant: Omit<Plant, 'devices'>;
  devices: Record<string, { seed: string | number; scope?: string; registered?: boolean }>;
  overrides?: Record<string, number>;
  now?: string;
  device_events?: ScenarioEvent[];
  readings?: ScenarioReadingEntry[];
  decisions?: (ScenarioEvent & { seq: number; device?: string })[];
  period?: { close_role?: string; decisions?: ScenarioEvent[] };
  expect: ScenarioExpectation;
}

/** What running a scenario produced; compared with `expect` key by key. */
export interface ScenarioOutcome {
  statuses: Record<string, string>;
  status_counts: Record<string, number>;
  credentials: Record<string, number>;
  minted: number;
  period_status?: string;
  device_status?: string;
  eligible?: boolean;
  eg_mwh: number;
  refused: number;
  notifications: Record<string, number>;
  /** Anchor actions by document (a credential schema, or `reading`). */
  anchors: Record<string, number>;
  /** Human-readable trace of refused events and notable steps, for failure reports. */
  log: string[];
}
