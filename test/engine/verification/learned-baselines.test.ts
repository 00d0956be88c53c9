import { describe, expect, it } from 'vitest';
import {
  closeReview,
  createVerifier,
  type DeviceState,
  defaultVerificationConfig,
  isLearning,
  LEARNED_LIMITS,
  type Verdict,
  verifyReading,
} from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, type ReadingValues, signedReading, smallPlant } from './support.ts';

/** Honest hourly operation at ~75 % output: export 98.6 % of generation, the register in step. */
function stream() {
  let register = 500_000;
  return (i: number, change: { exportShare?: number; registerExtra?: number; headShift?: number } = {}) => {
    const flow = Number((2.1 * (1 + Math.sin(i * 1.7) * 0.01)).toFixed(3));
    const energy = Number((9.81 * flow * 45 * (0.82 + Math.sin(i * 2.3) * 0.003)).toFixed(1));
    const share = (change.exportShare ?? 0.986) + Math.sin(i * 1.1) * 0.0004;
    const exported = Number((energy * share).toFixed(1));
    register = Number((register + exported * (1 + (change.registerExtra ?? 0))).toFixed(1));
    const head = Number((45 * (1 + (change.headShift ?? 0)) + Math.sin(i * 0.7) * 0.03).toFixed(2));
    return { flow, head, energy, export: exported, register } satisfies ReadingValues;
  };
}

function setup(flagged: 'hold' | 'reject' = 'reject') {
  const device = newDevice();
  const verifier = createVerifier({
    config: defaultVerificationConfig(),
    plant: smallPlant([device]),
    flagged,
  });
  let seq = 0;
  const send = (at: number, values: ReadingValues) =>
    verifier.verify(signedReading(device, ++seq, hour(at), values), NOW).verdict;
  return { send, verifier, device, seq: () => seq };
}

const rules = (v: Verdict) => v.findings.filter((f) => f.severity !== 'info').map((f) => f.rule);

describe('learned baselines', () => {
  it('flags an export meter reading 4 % low whose register stays consistent, showing band, value and allowance', () => {
    const { send } = setup();
    const next = stream();
    for (let i = 1; i <= 30; i++) expect(send(i, next(i)).status).toBe('APPROVED');
    const verdict = send(31, next(31, { exportShare: 0.946 }));
    expect(verdict.status).toBe('FLAGGED');
    expect(rules(verdict)).toEqual(['baseline.export_ratio']);
    const f = verdict.findings.find((x) => x.rule === 'baseline.export_ratio')!;
    expect(f.unit).toBe('1');
    expect(f.measured).toBeCloseTo(0.946, 2);
    expect(f.band!.median).toBeCloseTo(0.986, 2);
    expect(f.band!.n).toBe(30);
    // Accuracy class 0.2 for generation and export meters: ±0.4 % of the ratio.
    expect(f.allowance).toBeCloseTo(0.986 * 0.004, 4);
    expect(f.limit!).toBeCloseTo(f.band!.low - f.allowance!, 5);
    expect(f.message).toMatch(/below the learned band .* accuracy \(±0\.4 %\)/);
  });

  it('relies on the static limits during cold start: the same reading passes before 24 approved readings', () => {
    const { send } = setup();
    const next = stream();
    for (let i = 1; i <= 10; i++) send(i, next(i));
    expect(send(11, next(11, { exportShare: 0.946 })).status).toBe('APPROVED');
  });

  it('flags a register that advances 0.9 % faster than its export, which the static tolerance allows', () => {
    const { send } = setup();
    const next = stream();
    for (let i = 1; i <= 30; i++) send(i, next(i));
    const verdict = send(31, next(31, { registerExtra: 0.009 }));
    expect(rules(verdict)).toEqual(['baseline.register_ratio']);
  });

  it('flags a head reading 3 % off what the device learned for its flow band', () => {
    const { send } = setup();
    const next = stream();
    for (let i = 1; i <= 30; i++) send(i, next(i));
    const verdict = send(31, next(31, { headShift: 0.03 }));
    expect(rules(verdict)).toContain('baseline.head_flow');
    const f = verdict.findings.find((x) => x.rule === 'baseline.head_flow')!;
    expect(f.unit).toBe('m');
    expect(f.measured).toBeGreaterThan(f.limit!);
  });

  it('catches a slow ramp of the export ratio against its reference band', () => {
    const { send } = setup();
    const next = stream();
    for (let i = 1; i <= 30; i++) send(i, next(i));
    const flagged: Verdict[] = [];
    // −0.02 % per hour: each step hides in the rolling band, the walk does not.
    for (let i = 31; i <= 330; i++) {
      const v = send(i, next(i, { exportShare: 0.986 - (i - 30) * 0.0002 }));
      if (v.status !== 'APPROVED') flagged.push(v);
    }
    expect(flagged.length).toBeGreaterThan(0);
    const first = flagged[0]!.findings.find((f) => f.rule === 'baseline.export_ratio')!;
    expect(first.measured!).toBeGreaterThan(0.95);
    expect(flagged.some((v) => v.findings.some((f) => /reference band/.test(f.message)))).toBe(true);
  });

  it('learns from approved readings only, and nothing while a review is open', () => {
    const device = newDevice();
    const context = { config: defaultVerificationConfig(), plant: smallPlant([device]), nowMs: NOW };
    const next = stream();
    let state: DeviceState | undefined;
    for (let i = 1; i <= 30; i++)
      state = verifyReading(state, signedReading(device, i, hour(i), next(i)), context).nextState;
    const windowOf = (s: DeviceState) => s.learned!.windows['export_ratio/2']!.length;
    expect(windowOf(state!)).toBe(30);
    const flagged = verifyReading(
      state,
      signedReading(device, 31, hour(31), next(31, { exportShare: 0.946 })),
      context,
    );
    expect(flagged.verdict.status).toBe('FLAGGED');
    state = flagged.nextState!;
    expect(isLearning(state)).toBe(false);
    expect(windowOf(state)).toBe(30);
    // Approved readings while the review is open teach nothing.
    for (let i = 32; i <= 35; i++) {
      const r = verifyReading(state, signedReading(device, i, hour(i), next(i)), context);
      expect(r.verdict.status).toBe('APPROVED');
      state = r.nextState!;
    }
    expect(windowOf(state)).toBe(30);
    const rejected = closeReview(state, { seq: 31, decision: 'reject' }, context.config);
    expect(isLearning(rejected)).toBe(true);
    expect(windowOf(rejected)).toBe(30);
    const approved = closeReview(state, { seq: 31, decision: 'approve' }, context.config);
    expect(windowOf(approved)).toBe(31);
    expect(approved.learned!.windows['export_ratio/2']!.at(-1)).toBeCloseTo(0.946, 2);
    // A review the state does not park changes nothing.
    expect(closeReview(state, { seq: 9999, decision: 'approve' })).toBe(state);
  });

  it('keeps open reviews bounded and the whole state within its budget', () => {
    const { send, verifier, device } = setup('hold');
    const next = stream();
    for (let i = 1; i <= 30; i++) send(i, next(i));
    for (let i = 31; i <= 100; i++) send(i, next(i, { exportShare: 0.94 }));
    const state = verifier.stateOf(device.did)!;
    expect(state.learned!.open.length).toBeLessThanOrEqual(LEARNED_LIMITS.openReviews);
    expect(JSON.stringify(state).length).toBeLessThan(24_000);
  });

  it('restarts the bands when the device gets a new calibration certificate', () => {
    const device = newDevice();
    const config = defaultVerificationConfig();
    const next = stream();
    const plantOf = (certificate: string) =>
      smallPlant([device], {
        devices: [
          {
            device_id: device.did,
            scope: 'plant',
            meters: [
              {
                type: 'energy_export',
                accuracy_class: 0.2,
                calibration: {
                  certificate_id: certificate,
                  laboratory: 'NABL-1',
                  calibrated_on: '2025-06-01',
                  next_due: '2027-06-01',
                },
              },
            ],
          },
        ],
      });
    let state: DeviceState | undefined;
    const before = plantOf('C-1');
    for (let i = 1; i <= 30; i++)
      state = verifyReading(state, signedReading(device, i, hour(i), next(i)), {
        config,
        plant: before,
        nowMs: NOW,
      }).nextState;
    const after = verifyReading(
      state,
      signedReading(device, 31, hour(31), next(31, { exportShare: 0.946 })),
      {
        config,
        plant: plantOf('C-2'),
        nowMs: NOW,
      },
    );
    // Judged against the old bands this would be flagged; a recalibrated meter starts a new baseline.
    expect(after.verdict.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(after.nextState!.learned!.calibration).toBe('C-2');
    expect(after.nextState!.learned!.windows['export_ratio/2']).toHaveLength(1);
  });

  it('treats a device with no history, out-of-order and duplicate readings without touching what it learned', () => {
    const { send, verifier, device } = setup();
    const next = stream();
    expect(send(1, next(1)).status).toBe('APPROVED');
    for (let i = 2; i <= 30; i++) send(i, next(i));
    const learned = JSON.stringify(verifier.stateOf(device.did)!.learned);
    // An older interval under a new seq (duplicate interval) and a seq that goes back: rejected, nothing learned.
    expect(send(5, next(5)).status).toBe('REJECTED');
    const back = verifier.verify(signedReading(device, 3, hour(40), next(40)), NOW).verdict;
    expect(back.status).toBe('REJECTED');
    // An enormous value is physics' to reject.
    expect(send(41, { ...next(41), energy: 1e15, export: 1e15 }).status).toBe('REJECTED');
    // JSON has no NaN; 1e999 parses to Infinity: each gets a verdict with a finding, nothing throws.
    const line = JSON.stringify(signedReading(device, 42, hour(42), next(42)));
    for (const bad of [
      line.replace(/"value":[0-9.]+/, '"value":NaN'),
      line.replace(/"value":[0-9.]+/, '"value":1e999'),
    ]) {
      const v = verifier.verify(bad, NOW).verdict;
      expect(v.status).toBe('REJECTED');
      expect(v.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(verifier.stateOf(device.did)!.learned)).toBe(learned);
  });
});
