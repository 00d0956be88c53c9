import { describe, expect, it } from 'vitest';
import { createVerifier, defaultVerificationConfig } from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, type ReadingValues, signedReading, smallPlant } from './support.ts';

function setup() {
  const device = newDevice();
  const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
  let seq = 0;
  const send = (at: number, values: ReadingValues, interval_s?: number) =>
    verifier.verify(signedReading(device, ++seq, hour(at), values, interval_s ? { interval_s } : {}), NOW)
      .verdict;
  return { device, verifier, send };
}

const problems = (verdict: { findings: { rule: string; severity: string }[] }) =>
  verdict.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}:${f.severity}`);

describe('physics rules', () => {
  it('approves a shutdown: no flow, no energy, register unchanged', () => {
    const { send } = setup();
    expect(send(1, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_000 }).status).toBe(
      'APPROVED',
    );
    expect(send(2, { flow: 0, head: 45.4, energy: 0, export: 0, register: 10_000 }).status).toBe('APPROVED');
    expect(send(3, { flow: 0, head: 45.4, energy: 0, export: 0, register: 10_000 }).status).toBe('APPROVED');
  });

  it('rejects a negative export', () => {
    const { send } = setup();
    expect(problems(send(1, { flow: 2.5, head: 45, energy: 900, export: -3 }))).toContain(
      'physics.negative:error',
    );
  });

  it('rejects power above capacity', () => {
    const { send } = setup();
    expect(problems(send(1, { flow: 2.5, head: 45, energy: 900, power: 2000 }))).toContain(
      'physics.capacity:error',
    );
  });

  it('scales capacity with the interval length', () => {
    const { send } = setup();
    // 300 kWh in 15 min is 1.2 MW: at nameplate, fine; 330 kWh is 1.32 MW, over.
    expect(send(0.25, { flow: 3, head: 45, energy: 290 }, 900).status).toBe('APPROVED');
    expect(problems(send(0.5, { flow: 3, head: 45, energy: 330 }, 900))).toContain('physics.capacity:error');
  });

  it('converts units before checking: 0.9 MWh and 2500 L/s are the approved case', () => {
    const device = newDevice();
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
    const doc = signedReading(
      device,
      1,
      hour(1),
      {},
      {
        extraReadings: [
          { type: 'flow_rate', value: 2500, unit: 'L/s' },
          { type: 'pressure', value: 4.4145, unit: 'bar' },
          { type: 'energy', value: 0.9, unit: 'MWh' },
        ],
      },
    );
    const verdict = verifier.verify(doc, NOW).verdict;
    expect(verdict.status).toBe('APPROVED');
    expect(verdict.findings[0]).toMatchObject({
      rule: 'physics.efficiency',
      measured: expect.closeTo(0.8155, 3),
    });
  });

  it('tolerates low efficiency at part load but flags it at full load', () => {
    const { send } = setup();
    // 20 % of rated water at 0.6 efficiency: a Francis unit at part load.
    expect(send(1, { flow: 0.6, head: 45, energy: 159 }).status).toBe('APPROVED');
    // Full water at 0.5 efficiency: the flow meter over-reads or energy is missing.
    expect(problems(send(2, { flow: 3, head: 45, energy: 662 }))).toEqual(['physics.efficiency:warning']);
  });

  it('flags power × interval that disagrees with energy', () => {
    const { send } = setup();
    expect(problems(send(1, { flow: 2.5, head: 45, energy: 900, power: 1100 }))).toEqual([
      'physics.power_energy:warning',
    ]);
    expect(send(2, { flow: 2.5, head: 45, energy: 900, power: 905 }).status).toBe('APPROVED');
  });

  it('flags export above generation and export far below it', () => {
    const { send } = setup();
    expect(problems(send(1, { flow: 2.5, head: 45, energy: 900, export: 960 }))).toEqual([
      'physics.export_ratio:warning',
    ]);
    expect(problems(send(2, { flow: 2.5, head: 45, energy: 900, export: 600 }))).toEqual([
      'physics.export_ratio:warning',
    ]);
    expect(send(3, { flow: 2.5, head: 45, energy: 900, export: 880 }).status).toBe('APPROVED');
  });

  it('allows auxiliary consumption to dominate at very low output', () => {
    const { send } = setup();
    expect(send(1, { flow: 0.3, head: 45, energy: 30, export: 19 }).status).toBe('APPROVED');
  });

  it('checks the register delta against the export', () => {
    const { send } = setup();
    send(1, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_000 });
    expect(send(2, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_885 }).status).toBe(
      'APPROVED',
    );
    expect(problems(send(3, { flow: 2.5, head: 45, energy: 900, export: 885, register: 12_000 }))).toEqual([
      'physics.register_delta:warning',
    ]);
  });

  it('flags a register that advances less than the export claimed', () => {
    const { send } = setup();
    send(1, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_000 });
    expect(problems(send(2, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_500 }))).toEqual([
      'physics.register_delta:warning',
    ]);
  });

  it('rejects a register that goes backwards', () => {
    const { send } = setup();
    send(1, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_000 });
    expect(problems(send(2, { flow: 2.5, head: 45, energy: 900, export: 885, register: 9_990 }))).toEqual([
      'physics.register_delta:error',
    ]);
  });

  it('lets the register account for a gap: energy produced while readings were missing is not fraud', () => {
    const { send } = setup();
    send(1, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_000 });
    // Hours 2–5 missing; the plant ran at ~885 kWh/h throughout.
    expect(
      send(6, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_000 + 5 * 885 }).status,
    ).toBe('APPROVED');
  });

  it('still bounds the register after a gap by capacity × elapsed time', () => {
    const { send } = setup();
    send(1, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_000 });
    const verdict = send(3, {
      flow: 2.5,
      head: 45,
      energy: 900,
      export: 885,
      register: 10_000 + 885 + 5_000,
    });
    expect(problems(verdict)).toEqual(['physics.register_delta:warning']);
  });

  it('keeps comparing with the last register when a reading without register came between', () => {
    const { send } = setup();
    send(1, { flow: 2.5, head: 45, energy: 900, export: 885, register: 10_000 });
    send(2, { flow: 2.5, head: 45, energy: 900, export: 885 });
    expect(send(3, { flow: 2.5, head: 45, energy: 900, export: 885, register: 11_770 }).status).toBe(
      'APPROVED',
    );
  });

  it('resolves a register in MWh to its reported decimals', () => {
    const device = newDevice();
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
    const reg = (value: number) => [{ type: 'energy_register' as const, value, unit: 'MWh' }];
    const base = { flow: 2.5, head: 45, energy: 900, export: 885 };
    verifier.verify(signedReading(device, 1, hour(1), base, { extraReadings: reg(10) }), NOW);
    const next = verifier.verify(signedReading(device, 2, hour(2), base, { extraReadings: reg(11) }), NOW);
    // 1 MWh resolution: a delta of 1000 kWh for 885 kWh exported is within reading resolution.
    expect(next.verdict.status).toBe('APPROVED');
  });
});

describe('physics without a head reading', () => {
  it('rejects energy with zero flow using the rated head as a bound', () => {
    const { send } = setup();
    expect(problems(send(1, { flow: 0, energy: 500 }))).toEqual(['physics.efficiency:error']);
  });

  it('approves plausible energy when only flow is metered', () => {
    const { send } = setup();
    expect(send(1, { flow: 2.5, energy: 900 }).status).toBe('APPROVED');
  });
});

describe('configuration gaps', () => {
  it('falls back to the default band when the policy names none for the turbine type', () => {
    const device = newDevice();
    const config = defaultVerificationConfig();
    config.efficiencyBands = {} as typeof config.efficiencyBands;
    const verifier = createVerifier({ config, plant: smallPlant([device]) });
    const verdict = verifier.verify(
      signedReading(device, 1, hour(1), { flow: 2.5, head: 45, energy: 900 }),
      NOW,
    ).verdict;
    expect(verdict.status).toBe('APPROVED');
  });
});
