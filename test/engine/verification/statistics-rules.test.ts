import { describe, expect, it } from 'vitest';
import { createVerifier, defaultVerificationConfig } from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, type ReadingValues, signedReading, smallPlant } from './support.ts';

function setup() {
  const device = newDevice();
  const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
  let seq = 0;
  const send = (at: number, values: ReadingValues) =>
    verifier.verify(signedReading(device, ++seq, hour(at), values), NOW).verdict;
  return { send, verifier, device };
}

const problems = (verdict: { findings: { rule: string; severity: string }[] }) =>
  verdict.findings.filter((f) => f.severity !== 'info').map((f) => f.rule);

/** Honest hourly operation around 2.5 m³/s with small measurement noise (deterministic). */
function honest(i: number): ReadingValues {
  const wobble = Math.sin(i * 1.7) * 0.02;
  const flow = 2.5 * (1 + wobble);
  const eta = 0.82 + Math.sin(i * 2.3) * 0.004;
  return { flow: Number(flow.toFixed(3)), head: 45, energy: Number((9.81 * flow * 45 * eta).toFixed(1)) };
}

describe('statistics rules', () => {
  it('flags a flow sensor that repeats the same value for six readings', () => {
    const { send } = setup();
    const verdicts = [];
    for (let i = 1; i <= 7; i++) verdicts.push(send(i, { ...honest(i), flow: 2.437 }));
    expect(verdicts.slice(0, 5).every((v) => v.status === 'APPROVED')).toBe(true);
    expect(problems(verdicts[5]!)).toEqual(['stats.stuck']);
    expect(verdicts[6]!.status).toBe('FLAGGED');
  });

  it('does not call a governor plateau at nameplate stuck', () => {
    const { send } = setup();
    for (let i = 1; i <= 10; i++)
      expect(send(i, { flow: 2.95 + i * 0.001, head: 45, energy: 1200 }).status).toBe('APPROVED');
  });

  it('does not call a standstill stuck', () => {
    const { send } = setup();
    for (let i = 1; i <= 10; i++) expect(send(i, { flow: 0, head: 45, energy: 0 }).status).toBe('APPROVED');
  });

  it('flags a step in energy that flow does not explain', () => {
    const { send } = setup();
    for (let i = 1; i <= 3; i++) send(i, honest(i));
    // Output × 0.7 with the same water: efficiency 0.82 → 0.57 at full load.
    const verdict = send(4, { ...honest(3), energy: Number((honest(3).energy! * 0.7).toFixed(1)) });
    expect(problems(verdict)).toContain('stats.step');
  });

  it('accepts a step in energy that flow explains', () => {
    const { send } = setup();
    for (let i = 1; i <= 3; i++) send(i, honest(i));
    expect(send(4, { flow: 1.5, head: 45, energy: Number((9.81 * 1.5 * 45 * 0.8).toFixed(1)) }).status).toBe(
      'APPROVED',
    );
  });

  it("flags a 12 % efficiency inflation against the device's own baseline although the band allows it", () => {
    const { send } = setup();
    for (let i = 1; i <= 30; i++) expect(send(i, honest(i)).status).toBe('APPROVED');
    const inflated = honest(31);
    const verdict = send(31, { ...inflated, energy: Number((inflated.energy! * 1.12).toFixed(1)) });
    expect(problems(verdict)).toEqual(['stats.drift']);
    expect(verdict.status).toBe('FLAGGED');
  });

  it('keeps flagging a persistent inflation instead of learning it as the new normal', () => {
    const { send } = setup();
    for (let i = 1; i <= 30; i++) send(i, honest(i));
    const statuses = [];
    for (let i = 31; i <= 60; i++) {
      const v = honest(i);
      statuses.push(send(i, { ...v, energy: Number((v.energy! * 1.12).toFixed(1)) }).status);
    }
    expect(statuses.every((s) => s === 'FLAGGED')).toBe(true);
  });

  it('needs history before judging drift', () => {
    const { send } = setup();
    for (let i = 1; i <= 5; i++) send(i, honest(i));
    const v = honest(6);
    expect(send(6, { ...v, energy: Number((v.energy! * 1.12).toFixed(1)) }).status).toBe('APPROVED');
  });

  it('does not judge drift on the first interval after a gap (a unit starting up)', () => {
    const { send } = setup();
    for (let i = 1; i <= 30; i++) send(i, honest(i));
    const v = honest(40);
    expect(send(40, { ...v, energy: Number((v.energy! * 1.12).toFixed(1)) }).status).toBe('APPROVED');
  });
});

describe('stuck sensors and coarse resolution', () => {
  it('does not flag a coarse flow reading that repeats while output is steady too', () => {
    const { send } = setup();
    for (let i = 1; i <= 10; i++) {
      expect(send(i, { flow: 2.5, head: 45, energy: 900 + (i % 3) * 0.7 }).status).toBe('APPROVED');
    }
  });

  it('flags a frozen data logger that repeats every value', () => {
    const { send } = setup();
    const statuses = [];
    for (let i = 1; i <= 7; i++) statuses.push(send(i, { flow: 2.5, head: 45, energy: 900 }).status);
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill('APPROVED'));
    expect(statuses.slice(5)).toEqual(['FLAGGED', 'FLAGGED']);
  });
});
