import { describe, expect, it } from 'vitest';
import { parsePlant } from '../../../engine/plant/index.ts';

const specExample = {
  plant_id: 'alaknanda-hpp',
  name: 'Alaknanda HPP',
  capacity_kw: 5600,
  location: { lat: 30.2833, lon: 79.3167 },
  units: [
    { unit_id: 'U1', turbine: 'francis', capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 },
    { unit_id: 'U2', turbine: 'francis', capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 },
  ],
  grid: { name: 'India', ef_tco2_per_mwh: 0.758 },
  reservoir: { baseline_area_m2: 0, project_area_m2: 0, baseline_capacity_kw: 0 },
  meter: { accuracy_class: 0.2 },
  devices: [{ device_id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', scope: 'plant' }],
};

describe('parsePlant', () => {
  it('accepts the example of the spec', () => {
    expect(parsePlant(structuredClone(specExample))).toEqual({ plant: specExample, problems: [] });
  });

  it('rejects an unknown top-level member', () => {
    expect(parsePlant({ ...specExample, owner: 'x' }).problems).toEqual(["/: unknown member 'owner'"]);
  });

  it('rejects an unknown turbine type', () => {
    const plant = structuredClone(specExample);
    (plant.units[0] as { turbine: string }).turbine = 'waterwheel';
    expect(parsePlant(plant).problems[0]).toMatch(/^\/units\/0\/turbine: must be one of francis/);
  });

  it('rejects a device scope that names no unit', () => {
    const plant = {
      ...specExample,
      devices: [{ device_id: specExample.devices[0]!.device_id, scope: 'U9' }],
    };
    expect(parsePlant(plant).problems).toEqual(["/devices/0/scope: 'U9' is neither 'plant' nor a unit_id"]);
  });

  it('rejects duplicate unit and device ids', () => {
    const plant = {
      ...specExample,
      units: [specExample.units[0], specExample.units[0]],
      devices: [specExample.devices[0], specExample.devices[0]],
    };
    expect(parsePlant(plant).problems).toHaveLength(2);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'plant'],
    ['zero capacity', { ...specExample, capacity_kw: 0 }],
    ['no units', { ...specExample, units: [] }],
    ['a negative head', { ...specExample, units: [{ ...specExample.units[0], rated_head_m: -1 }] }],
  ])('reports %s as a problem without throwing', (_name, value) => {
    expect(parsePlant(value).problems.length).toBeGreaterThan(0);
  });
});
