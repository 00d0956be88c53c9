import { describe, expect, it } from 'vitest';
import {
  createVerifier,
  defaultVerificationConfig,
  type VerdictStatus,
} from '../../../engine/verification/index.ts';
import {
  detectionReport,
  type FaultKind,
  faultKinds,
  generateSyntheticPlant,
  type SyntheticRecord,
} from '../../../engine/verification/synthetic/index.ts';

/**
 * The generator labels every reading from its fault's physics (onset, what changed). A simulated
 * reviewer settles flagged readings as the service's verifiers would: clean ones approved (the device
 * learns them), faulty ones rejected. Rates are measured on all intervals of every episode.
 */
function run(seed: number) {
  const { plant, records, nowMs } = generateSyntheticPlant({ seed, days: 30 });
  let current: FaultKind = 'clean';
  const verifier = createVerifier({
    config: defaultVerificationConfig(),
    plant,
    flagged: () => (current === 'clean' ? 'approve' : 'reject'),
  });
  const statuses: VerdictStatus[] = records.map((r) => {
    current = r.kind;
    return verifier.verify(r.line, nowMs).verdict.status;
  });
  return { records, statuses };
}

/** Per-kind floors: the rates measured when the independent set was introduced (seeds 1 and 2), rounded down. */
const FLOORS: Partial<Record<FaultKind, number>> = {
  clean: 0.995,
  export_underread: 0.95,
  frozen_logger: 0.85,
  stuck: 0.75,
  drift: 0.9,
  efficiency_high: 0.95,
  export_ratio: 0.95,
  power_mismatch: 0.95,
  register_mismatch: 0.95,
  step: 0.95,
  cadence: 0.95,
};
/** Not designed around: measured and reported, with no floor (docs/verification.md). */
const UNDESIGNED: FaultKind[] = ['ct_ratio_error'];

/** The protocol before the independent set: the onset of stuck sensors and drift below 10 % excluded. */
function legacy(records: SyntheticRecord[], statuses: VerdictStatus[]) {
  return records
    .map((r, i) => ({ kind: r.kind, status: statuses[i]!, r }))
    .filter(({ r }) => !['export_underread', 'frozen_logger', 'ct_ratio_error'].includes(r.kind))
    .filter(({ r }) => !(r.kind === 'stuck' && (r.onset ?? 0) < 4))
    .filter(({ r }) => !(r.kind === 'drift' && (r.change ?? 0) < 0.1));
}

describe('detection rates on the independent synthetic set (30 days, 2 devices)', () => {
  for (const seed of [1, 2]) {
    it(`keeps every kind at or above its regression floor (seed ${seed})`, () => {
      const { records, statuses } = run(seed);
      const report = detectionReport(
        records.map((r, i) => ({ kind: r.kind, status: statuses[i]!, onset: r.onset })),
      );
      expect(report.hard_rejected).toBeGreaterThanOrEqual(0.99);
      expect(report.false_positive).toBeLessThanOrEqual(0.005);
      for (const row of report.kinds) {
        const floor = FLOORS[row.kind];
        if (floor !== undefined) expect(row.rate, row.kind).toBeGreaterThanOrEqual(floor);
      }
      // Every labeled kind is present, so each rate is measured rather than vacuous.
      const seen = new Set(report.kinds.map((k) => k.kind));
      for (const kind of Object.keys(faultKinds)) expect(seen, kind).toContain(kind);
      for (const kind of UNDESIGNED) expect(seen).toContain(kind);
      // Episodes report their rate by onset interval, the onset itself included.
      const stuck = report.kinds.find((k) => k.kind === 'stuck')!;
      expect(stuck.by_onset?.[0]?.onset).toBe('0');

      // The rates of the protocol before it stay where they were.
      const old = detectionReport(legacy(records, statuses));
      expect(old.clean_approved).toBeGreaterThanOrEqual(0.98);
      expect(old.hard_rejected).toBeGreaterThanOrEqual(0.95);
      expect(old.soft_not_approved).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('labels faults from their physics: a frozen sensor from its first misstated interval on', () => {
    const { records } = generateSyntheticPlant({ seed: 5, days: 30 });
    const stuck = records.filter((r) => r.kind === 'stuck');
    expect(stuck.length).toBeGreaterThan(0);
    expect(Math.min(...stuck.map((r) => r.onset!))).toBe(0);
    const underread = records.filter((r) => r.kind === 'export_underread');
    for (const r of underread) expect(r.change!).toBeLessThanOrEqual(-0.03);
  });

  it('is deterministic for a seed', () => {
    const a = generateSyntheticPlant({ seed: 9, days: 2 });
    const b = generateSyntheticPlant({ seed: 9, days: 2 });
    expect(b.records.map((r) => r.kind)).toEqual(a.records.map((r) => r.kind));
    expect(b.plant.units).toEqual(a.plant.units);
  });
});
