import { describe, expect, it } from 'vitest';
import type { PlantDevice } from '../../../engine/plant/index.ts';
import {
  createVerifier,
  defaultVerificationConfig,
  repeatProbability,
  type Verdict,
} from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, type ReadingValues, signedReading, smallPlant } from './support.ts';

function setup(meters?: PlantDevice['meters']) {
  const device = newDevice();
  const plant = smallPlant([device]);
  if (meters) plant.devices = [{ device_id: device.did, scope: 'plant', meters }];
  const verifier = createVerifier({ config: defaultVerificationConfig(), plant, flagged: 'reject' });
  let seq = 0;
  const send = (at: number, values: ReadingValues) =>
    verifier.verify(signedReading(device, ++seq, hour(at), values), NOW).verdict;
  return { send };
}

/** Fine-resolution honest readings at ~70 % load (flow to 1 l/s, head to 1 cm, power to 0.1 kW). */
function honest(i: number): ReadingValues {
  const flow = Number((2.1 * (1 + Math.sin(i * 1.7) * 0.02)).toFixed(3));
  const head = Number((45 + Math.sin(i * 0.9) * 0.08).toFixed(2));
  const energy = Number((9.81 * flow * head * (0.82 + Math.sin(i * 2.3) * 0.003)).toFixed(1));
  return { flow, head, energy, power: Number((energy * (1 + Math.sin(i * 3.1) * 0.002)).toFixed(1)) };
}

const warned = (v: Verdict) => v.findings.filter((f) => f.severity === 'warning').map((f) => f.rule);

describe('stuck and frozen sensors by statistics', () => {
  it('computes the chance of an identical repeat from noise and resolution', () => {
    expect(repeatProbability(0.04, 0.001)).toBeCloseTo(0.00997, 4);
    expect(repeatProbability(0.001, 0.1)).toBeGreaterThan(0.99);
    expect(repeatProbability(0, 0.1)).toBe(1);
    expect(repeatProbability(Number.NaN, 0.1)).toBe(1);
  });

  it('flags a fine-resolution flow sensor after fewer repeats than the fixed window, with the probability in the finding', () => {
    const { send } = setup();
    for (let i = 1; i <= 20; i++) expect(send(i, honest(i)).status).toBe('APPROVED');
    const frozen = honest(20).flow;
    const verdicts = [21, 22, 23, 24].map((i) => send(i, { ...honest(i), flow: frozen }));
    const at = verdicts.findIndex((v) => warned(v).includes('stats.stuck'));
    // The fixed window would wait for 6 identical values; the statistics need fewer.
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at + 2).toBeLessThan(6);
    const f = verdicts[at]!.findings.find((x) => x.rule === 'stats.stuck')!;
    expect(f.unit).toBe('readings');
    expect(f.measured).toBe(at + 2);
    expect(f.limit).toBeLessThanOrEqual(f.measured!);
    expect(f.message).toMatch(/probability/);
  });

  it('flags a logger that re-sends flow, head and power together within two intervals', () => {
    const { send } = setup();
    for (let i = 1; i <= 20; i++) send(i, honest(i));
    const last = honest(20);
    const verdict = send(21, { ...honest(21), flow: last.flow, head: last.head, power: last.power });
    expect(warned(verdict)).toContain('stats.frozen');
    const f = verdict.findings.find((x) => x.rule === 'stats.frozen')!;
    expect(f.measured!).toBeLessThan(f.limit!);
    expect(f.unit).toBe('1');
  });

  it('does not call a shutdown stuck', () => {
    const { send } = setup();
    for (let i = 1; i <= 20; i++) send(i, honest(i));
    for (let i = 21; i <= 30; i++)
      expect(send(i, { flow: 0, head: 45.1, energy: 0, power: 0 }).status).toBe('APPROVED');
  });

  it('exempts a gate fully open and explains it', () => {
    const { send } = setup();
    for (let i = 1; i <= 20; i++) send(i, honest(i));
    const verdicts = [];
    for (let i = 21; i <= 30; i++) {
      const energy = Number((1150 + Math.sin(i) * 5).toFixed(1));
      verdicts.push(
        send(i, { flow: 2.95, head: Number((45 + Math.sin(i) * 0.05).toFixed(2)), energy, power: energy }),
      );
    }
    expect(verdicts.every((v) => v.status === 'APPROVED')).toBe(true);
    expect(
      verdicts.some((v) =>
        v.findings.some((f) => f.rule === 'stats.stuck' && /gates are fully open/.test(f.message)),
      ),
    ).toBe(true);
  });

  it('exempts a transmitter clamped at its full scale', () => {
    const { send } = setup([{ type: 'flow_rate', accuracy_class: 1, full_scale: 2.25 }]);
    for (let i = 1; i <= 20; i++) send(i, honest(i));
    const verdicts = [];
    for (let i = 21; i <= 28; i++) verdicts.push(send(i, { ...honest(i), flow: 2.25 }));
    expect(verdicts.flatMap(warned)).not.toContain('stats.stuck');
    expect(verdicts.some((v) => v.findings.some((f) => /full scale/.test(f.message)))).toBe(true);
  });

  it('does not flag a coarse head gauge that honestly sits still', () => {
    const { send } = setup();
    for (let i = 1; i <= 40; i++) expect(warned(send(i, { ...honest(i), head: 45 }))).toEqual([]);
  });
});
