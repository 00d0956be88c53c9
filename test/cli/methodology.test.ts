import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'mrv-methodology-'));

async function mrv(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/mrv.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function plantFile(name: string, extra: Record<string, unknown> = {}): string {
  const path = join(dir, name);
  const plant = {
    plant_id: 'alaknanda-hpp',
    name: 'Alaknanda HPP',
    capacity_kw: 5600,
    units: [
      { unit_id: 'U1', turbine: 'francis', capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 },
      { unit_id: 'U2', turbine: 'francis', capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 },
    ],
    grid: { name: 'India', ef_tco2_per_mwh: 0.758 },
    reservoir: { baseline_area_m2: 0, project_area_m2: 0, baseline_capacity_kw: 0 },
    meter: { accuracy_class: 0.2 },
    ...extra,
  };
  writeFileSync(path, JSON.stringify(plant));
  return path;
}

describe('mrv methodology compute', () => {
  it('prints the contract JSON for the spec example', async () => {
    const r = await mrv([
      'methodology',
      'compute',
      '--policy',
      'policies/hydro-ams-i-d.yaml',
      '--plant',
      plantFile('p.json'),
      '--eg-mwh',
      '1000',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      methodology: 'AMS-I.D',
      eg_mwh: 1000,
      ef_grid_tco2_per_mwh: 0.758,
      be_tco2e: 758,
      pe_tco2e: 0,
      le_tco2e: 0,
      er_tco2e: 758,
      eligible: true,
      token: { symbol: 'HYCC', decimals: 3, amount: 758000 },
    });
  });

  it('prints eligible false with a reason and amount 0 for power density ≤ 4 W/m2, exit 0', async () => {
    const plant = plantFile('res.json', {
      reservoir: { baseline_area_m2: 0, project_area_m2: 1_400_000, baseline_capacity_kw: 0 },
    });
    const r = await mrv([
      'methodology',
      'compute',
      '--policy',
      'policies/hydro-acm0002.yaml',
      '--plant',
      plant,
      '--eg-mwh',
      '1000',
      '--teg-mwh',
      '1010',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.eligible).toBe(false);
    expect(out.reason).toContain('power density');
    expect(out.token.amount).toBe(0);
  });

  it('is a usage error without --eg-mwh or with a non-numeric one', async () => {
    const plant = plantFile('u.json');
    expect(
      (await mrv(['methodology', 'compute', '--policy', 'policies/hydro-ams-i-d.yaml', '--plant', plant]))
        .code,
    ).toBe(2);
    expect(
      (
        await mrv([
          'methodology',
          'compute',
          '--policy',
          'policies/hydro-ams-i-d.yaml',
          '--plant',
          plant,
          '--eg-mwh',
          'lots',
        ])
      ).code,
    ).toBe(2);
  });

  it('exits 1 with a message, not a stack trace, for an invalid plant or policy', async () => {
    const badPlant = join(dir, 'bad.json');
    writeFileSync(badPlant, '{"plant_id": 1}');
    const r = await mrv([
      'methodology',
      'compute',
      '--policy',
      'policies/hydro-ams-i-d.yaml',
      '--plant',
      badPlant,
      '--eg-mwh',
      '1',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(badPlant);
    const p = await mrv([
      'methodology',
      'compute',
      '--policy',
      join(dir, 'none.yaml'),
      '--plant',
      badPlant,
      '--eg-mwh',
      '1',
    ]);
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('unreadable');
  });
});
