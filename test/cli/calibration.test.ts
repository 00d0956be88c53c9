import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hour, newDevice, signedReading } from '../engine/verification/support.ts';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'mrv-calibration-'));

async function mrv(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', ['bin/mrv.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function stream(name: string, exported: (i: number) => number, count = 8): string {
  const device = newDevice();
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify(signedReading(device, i + 1, hour(i), { energy: 1000, export: exported(i) })),
  );
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\nnot json\n`);
  return path;
}

const reference = stream('reference.jsonl', (i) => 980 + (i % 3));
const args = (meter: string, more: string[] = []) => [
  'calibration',
  'check',
  '--type',
  'energy_export',
  '--accuracy-class',
  '0.5',
  '--meter',
  meter,
  '--reference',
  reference,
  ...more,
];

describe('mrv calibration check', () => {
  it("prints the meter's error against the reference over the matched intervals, and whether it is within its class", async () => {
    const good = await mrv(args(stream('good.jsonl', (i) => 980 + (i % 3))));
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({
      type: 'energy_export',
      intervals: 8,
      error_percent: 0,
      limit_percent: 0.5,
      within_class: true,
    });
    expect(good.stderr).toMatch(/1 line\(s\) that are not valid telemetry skipped/);
    const low = await mrv(args(stream('low.jsonl', (i) => (980 + (i % 3)) * 0.97)));
    expect(low.code).toBe(0);
    const result = JSON.parse(low.stdout);
    expect(result.error_percent).toBeCloseTo(-3, 1);
    expect(result.within_class).toBe(false);
  }, 120_000);

  it('refuses too short a window, an unknown reading type and a bad accuracy class with a message, no stack trace', async () => {
    const short = await mrv(args(stream('short.jsonl', () => 980, 3)));
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/only 3 intervals .* at least 4 are needed/);
    const badType = await mrv([
      'calibration',
      'check',
      '--type',
      'ph',
      '--accuracy-class',
      '1',
      '--meter',
      reference,
      '--reference',
      reference,
    ]);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/--type must be one of/);
    const badClass = await mrv(args(reference).map((a) => (a === '0.5' ? 'NaN' : a)));
    expect(badClass.code).toBe(2);
    expect(badClass.stderr).toMatch(/--accuracy-class must be a positive percentage/);
    const missing = await mrv(args(join(dir, 'absent.jsonl')));
    expect(missing.code).toBe(1);
    for (const r of [short, badType, badClass, missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
