import { describe, expect, it } from 'vitest';
import { signTelemetry } from '../../../engine/telemetry/index.ts';
import { createVerifier, defaultVerificationConfig } from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, signedReading, smallPlant } from './support.ts';

const clean = { flow: 2.5, head: 45, energy: 900 };

function setup() {
  const device = newDevice();
  const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
  return { device, verifier };
}

const rulesOf = (v: { verdict: { findings: { rule: string; severity: string }[] } }) =>
  v.verdict.findings.filter((f) => f.severity !== 'info').map((f) => f.rule);

describe('time and sequence rules', () => {
  it('rejects a seq lower than the last accepted one as a sequence violation', () => {
    const { device, verifier } = setup();
    verifier.verify(signedReading(device, 10, hour(1), clean), NOW);
    const result = verifier.verify(signedReading(device, 5, hour(2), clean), NOW);
    expect(result.verdict.status).toBe('REJECTED');
    expect(rulesOf(result)).toEqual(['time.sequence']);
  });

  it('accepts gaps in seq', () => {
    const { device, verifier } = setup();
    verifier.verify(signedReading(device, 10, hour(1), clean), NOW);
    expect(verifier.verify(signedReading(device, 25, hour(2), clean), NOW).verdict.status).toBe('APPROVED');
  });

  it('rejects the same interval reported again under a new seq', () => {
    const { device, verifier } = setup();
    verifier.verify(signedReading(device, 1, hour(1), clean), NOW);
    const again = verifier.verify(signedReading(device, 2, hour(1), { ...clean, energy: 880 }), NOW);
    expect(again.verdict.status).toBe('REJECTED');
    expect(rulesOf(again)).toEqual(['time.duplicate_interval']);
  });

  it('rejects an interval that overlaps an accepted one', () => {
    const { device, verifier } = setup();
    verifier.verify(signedReading(device, 1, hour(2), clean), NOW);
    const overlapping = verifier.verify(signedReading(device, 2, hour(2.5), clean), NOW);
    expect(rulesOf(overlapping)).toContain('time.duplicate_interval');
  });

  it('accepts a document that a rejected copy preceded (rejected documents leave no history)', () => {
    const { device, verifier } = setup();
    const good = signedReading(device, 1, hour(1), clean);
    verifier.verify(
      { ...good, signature: good.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
      NOW,
    );
    expect(verifier.verify(good, NOW).verdict.status).toBe('APPROVED');
  });

  it('rejects a timestamp beyond the future tolerance and accepts one within it', () => {
    const { device, verifier } = setup();
    const now = Date.parse(hour(10));
    const slightlyAhead = verifier.verify(signedReading(device, 1, hour(10 + 4 / 60), clean), now);
    expect(slightlyAhead.verdict.status).toBe('APPROVED');
    const ahead = verifier.verify(signedReading(device, 2, hour(12), clean), now);
    expect(ahead.verdict.status).toBe('REJECTED');
    expect(ahead.verdict.findings).toContainEqual(
      expect.objectContaining({
        rule: 'time.future',
        severity: 'error',
        measured: 7200,
        limit: 300,
        unit: 's',
      }),
    );
  });

  it('treats lateness as no failure: a reading months old is approved', () => {
    const { device, verifier } = setup();
    const farLater = Date.parse(hour(24 * 120));
    expect(verifier.verify(signedReading(device, 1, hour(1), clean), farLater).verdict.status).toBe(
      'APPROVED',
    );
  });

  it("flags an interval length off the device's established cadence", () => {
    const { device, verifier } = setup();
    for (let i = 1; i <= 4; i++) verifier.verify(signedReading(device, i, hour(i), clean), NOW);
    const odd = verifier.verify(
      signedReading(device, 5, hour(5), { flow: 2.5, head: 45, energy: 450 }, { interval_s: 1800 }),
      NOW,
    );
    expect(odd.verdict.status).toBe('FLAGGED');
    expect(odd.verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'time.cadence', measured: 1800, limit: 3600, unit: 's' }),
    );
  });

  it('does not judge cadence before it is established', () => {
    const { device, verifier } = setup();
    verifier.verify(signedReading(device, 1, hour(1), clean), NOW);
    const second = verifier.verify(
      signedReading(device, 2, hour(1.5), { flow: 2.5, head: 45, energy: 450 }, { interval_s: 1800 }),
      NOW,
    );
    expect(second.verdict.status).toBe('APPROVED');
  });

  it('replays are found even after many later readings', () => {
    const { device, verifier } = setup();
    const first = signedReading(device, 1, hour(1), clean);
    verifier.verify(first, NOW);
    for (let i = 2; i < 200; i++) verifier.verify(signedReading(device, i, hour(i), clean), NOW);
    expect(rulesOf(verifier.verify(first, NOW))).toContain('replay');
  });

  it('rejects a re-signed copy of an old interval with a fresh seq', () => {
    const { device, verifier } = setup();
    for (let i = 1; i <= 3; i++) verifier.verify(signedReading(device, i, hour(i), clean), NOW);
    const { signature: _s, ...old } = signedReading(device, 1, hour(1), clean);
    const copy = signTelemetry({ ...old, seq: 99 }, device.privateKey);
    expect(rulesOf(verifier.verify(copy, NOW))).toEqual(['time.duplicate_interval']);
  });
});
