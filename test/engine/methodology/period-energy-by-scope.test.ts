import { describe, expect, it } from 'vitest';
import { periodEnergy } from '../../../engine/methodology/period-energy.ts';
import { periodEnergyByScope } from '../../../engine/methodology/period-energy-by-scope.ts';

const doc = (device_id: string, seq: number, exportKwh: number, grossKwh?: number) => ({
  device_id,
  seq,
  readings: [
    { type: 'energy_export', value: exportKwh, unit: 'kWh' },
    ...(grossKwh === undefined ? [] : [{ type: 'energy', value: grossKwh, unit: 'kWh' }]),
  ],
});

describe('periodEnergyByScope', () => {
  it('splits EG and TEG by the scope each device meters, each scope summed as the plant is', () => {
    const docs = [
      doc('did:b', 2, 300, 310),
      doc('did:a', 1, 1000),
      doc('did:c', 1, 50),
      doc('did:b', 1, 200),
    ];
    const scopes = new Map([
      ['did:a', 'plant'],
      ['did:b', 'unit-1'],
    ]);
    const split = periodEnergyByScope(docs, (d) => scopes.get(d));
    expect(split).toEqual([
      { scope: 'plant', egMwh: 1, tegMwh: 1 },
      { scope: 'unassigned', egMwh: 0.05, tegMwh: 0.05 },
      { scope: 'unit-1', egMwh: 0.5, tegMwh: 0.51 },
    ]);
    const whole = periodEnergy(docs);
    expect(split.reduce((sum, s) => sum + s.egMwh, 0)).toBeCloseTo(whole.egMwh, 12);
  });

  it('answers no scope for a period without counted readings', () => {
    expect(periodEnergyByScope([], () => 'plant')).toEqual([]);
  });
});
