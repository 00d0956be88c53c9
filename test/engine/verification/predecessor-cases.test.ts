import { describe, expect, it } from 'vitest';
import { createVerifier, defaultVerificationConfig } from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, signedReading, smallPlant } from './support.ts';

// The predecessor's "AI Guardian" cases in telemetry v1: Q 2.5 m³/s, H 45 m, hourly, a 1.2 MW plant.
describe('the predecessor cases', () => {
  const device = newDevice();
  const plant = smallPlant([device]);
  const verify = (energy: number, flow = 2.5) => {
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant });
    return verifier.verify(signedReading(device, 1, hour(1), { flow, head: 45, energy }), NOW).verdict;
  };

  it('approves 900 kWh (implied efficiency 0.82)', () => {
    const verdict = verify(900);
    expect(verdict.status).toBe('APPROVED');
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'physics.efficiency', severity: 'info', measured: 0.815494 }),
    );
  });

  it('rejects 45,000 kWh as over capacity and above physical efficiency', () => {
    const verdict = verify(45_000);
    expect(verdict.status).toBe('REJECTED');
    expect(verdict.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['physics.capacity', 'physics.efficiency']),
    );
  });

  it('rejects a pure 10× inflation (9,000 kWh) even with no history', () => {
    const verdict = verify(9_000);
    expect(verdict.status).toBe('REJECTED');
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'physics.capacity', severity: 'error', limit: 1260, unit: 'kWh' }),
    );
  });

  it('rejects 500 kWh generated with zero flow', () => {
    const verdict = verify(500, 0);
    expect(verdict.status).toBe('REJECTED');
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'physics.efficiency', severity: 'error' }),
    );
  });

  it('does not approve 1,090 kWh, an implied efficiency of 0.99', () => {
    const verdict = verify(1_090);
    expect(verdict.status).not.toBe('APPROVED');
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'physics.efficiency', severity: 'warning', limit: 0.96 }),
    );
  });

  it('rejects the same document sent twice, the second time as a replay', () => {
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant });
    const line = JSON.stringify(signedReading(device, 7, hour(7), { flow: 2.5, head: 45, energy: 900 }));
    expect(verifier.verify(line, NOW).verdict.status).toBe('APPROVED');
    const second = verifier.verify(line, NOW).verdict;
    expect(second.status).toBe('REJECTED');
    expect(second.findings.map((f) => f.rule)).toContain('replay');
  });
});
