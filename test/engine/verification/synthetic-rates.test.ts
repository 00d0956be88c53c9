import { describe, expect, it } from 'vitest';
import { createVerifier, defaultVerificationConfig } from '../../../engine/verification/index.ts';
import {
  detectionReport,
  faultKinds,
  generateSyntheticPlant,
} from '../../../engine/verification/synthetic/index.ts';

describe('detection rates on a generated 30-day, 2-device plant', () => {
  for (const seed of [1, 2]) {
    it(`meets the approval, rejection and flagging targets (seed ${seed})`, () => {
      const { plant, records, nowMs } = generateSyntheticPlant({ seed, days: 30 });
      const verifier = createVerifier({ config: defaultVerificationConfig(), plant });
      const report = detectionReport(
        records.map((r) => ({ kind: r.kind, status: verifier.verify(r.line, nowMs).verdict.status })),
      );
      expect(report.clean_approved).toBeGreaterThanOrEqual(0.98);
      expect(report.hard_rejected).toBeGreaterThanOrEqual(0.95);
      expect(report.soft_not_approved).toBeGreaterThanOrEqual(0.9);
      // Every labeled kind is present, so each rate is measured rather than vacuous.
      const seen = new Set(report.kinds.map((k) => k.kind));
      for (const kind of Object.keys(faultKinds)) expect(seen, kind).toContain(kind);
    });
  }

  it('is deterministic for a seed', () => {
    const a = generateSyntheticPlant({ seed: 9, days: 2 });
    const b = generateSyntheticPlant({ seed: 9, days: 2 });
    expect(b.records.map((r) => r.kind)).toEqual(a.records.map((r) => r.kind));
    expect(b.plant.units).toEqual(a.plant.units);
  });
});
