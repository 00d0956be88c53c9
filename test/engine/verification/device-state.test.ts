import { describe, expect, it } from 'vitest';
import {
  type DeviceState,
  defaultVerificationConfig,
  STATE_LIMITS,
  verifyReading,
} from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, signedReading, smallPlant } from './support.ts';

describe('device state', () => {
  const device = newDevice();
  const context = { config: defaultVerificationConfig(), plant: smallPlant([device]), nowMs: NOW };

  it('stays bounded over a long history', () => {
    let state: DeviceState | undefined;
    for (let i = 1; i <= 3000; i++) {
      // Every third seq skipped so the seq ranges cannot merge.
      const seq = i * 3;
      const energy = 850 + (i % 50);
      const doc = signedReading(device, seq, hour(i), { flow: 2.5 + (i % 7) * 0.01, head: 45, energy });
      state = verifyReading(state, doc, context).nextState;
    }
    expect(state!.seq_ranges.length).toBeLessThanOrEqual(STATE_LIMITS.seqRanges);
    expect(state!.intervals.length).toBeLessThanOrEqual(STATE_LIMITS.intervals);
    expect(state!.cadence.length).toBeLessThanOrEqual(STATE_LIMITS.cadence);
    for (const bucket of state!.baseline) expect(bucket.length).toBeLessThanOrEqual(96);
    expect(JSON.stringify(state).length).toBeLessThan(16_000);
  });

  it('is plain JSON that survives a round trip with the same verdicts', () => {
    let live: DeviceState | undefined;
    let revived: DeviceState | undefined;
    for (let i = 1; i <= 20; i++) {
      const doc = signedReading(device, i, hour(i), {
        flow: 2.5,
        head: 45,
        energy: 880 + i,
        register: 1000 * i,
      });
      const a = verifyReading(live, doc, context);
      const b = verifyReading(revived, doc, context);
      expect(b.verdict).toEqual(a.verdict);
      live = a.nextState;
      revived = JSON.parse(JSON.stringify(b.nextState));
    }
  });

  it('does not modify the state it is given', () => {
    const first = verifyReading(
      undefined,
      signedReading(device, 1, hour(1), { flow: 2.5, head: 45, energy: 900 }),
      context,
    );
    const snapshot = JSON.stringify(first.nextState);
    verifyReading(
      first.nextState,
      signedReading(device, 2, hour(2), { flow: 2.5, head: 45, energy: 905 }),
      context,
    );
    expect(JSON.stringify(first.nextState)).toBe(snapshot);
  });

  it('returns the given state unchanged for a rejected reading', () => {
    const first = verifyReading(
      undefined,
      signedReading(device, 1, hour(1), { flow: 2.5, head: 45, energy: 900 }),
      context,
    );
    const rejected = verifyReading(
      first.nextState,
      signedReading(device, 2, hour(2), { flow: 2.5, head: 45, energy: 9000 }),
      context,
    );
    expect(rejected.verdict.status).toBe('REJECTED');
    expect(rejected.nextState).toBe(first.nextState);
  });

  it('refuses a state that belongs to another device', () => {
    const other = newDevice();
    const first = verifyReading(
      undefined,
      signedReading(device, 1, hour(1), { flow: 2.5, head: 45, energy: 900 }),
      context,
    );
    const result = verifyReading(
      first.nextState,
      signedReading(other, 1, hour(1), { flow: 2.5, head: 45, energy: 900 }),
      context,
    );
    expect(result.verdict.status).toBe('REJECTED');
    expect(result.verdict.findings[0]!.rule).toBe('device');
  });
});
