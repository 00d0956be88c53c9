import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { detectionReport, generateSyntheticPlant } from '../../engine/verification/synthetic/index.ts';
import { hour, newDevice, signedReading, smallPlant } from '../engine/verification/support.ts';

const run = promisify(execFile);
const POLICY = 'policies/hydro-ams-i-d.yaml';
const dir = mkdtempSync(join(tmpdir(), 'mrv-verify-'));

async function mrv(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/mrv.js', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('mrv verify', () => {
  const device = newDevice();
  const plantFile = file('plant.json', JSON.stringify(smallPlant([device])));
  const reading = (seq: number, energy: number, flow = 2.5) =>
    JSON.stringify(signedReading(device, seq, hour(seq), { flow, head: 45, energy }));

  it('prints one verdict per input line, in order, keeping history across the file', async () => {
    const first = reading(1, 900);
    const lines = [
      first,
      reading(2, 45_000),
      reading(3, 9_000),
      reading(4, 500, 0),
      reading(5, 1_090),
      first,
      'not json',
      '',
    ];
    const readings = file('predecessor.jsonl', `${lines.join('\n')}\n`);
    const { code, stdout } = await mrv([
      'verify',
      '--policy',
      POLICY,
      '--plant',
      plantFile,
      '--now',
      '2026-03-01T00:00:00Z',
      readings,
    ]);
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(out.map((o) => o.status)).toEqual([
      'APPROVED',
      'REJECTED',
      'REJECTED',
      'REJECTED',
      'FLAGGED',
      'REJECTED',
      'REJECTED',
      'REJECTED',
    ]);
    expect(out[0]).toMatchObject({ device_id: device.did, seq: 1, trust_score: 1 });
    expect(out[5].findings.map((f: { rule: string }) => f.rule)).toContain('replay');
    expect(out[6]).toMatchObject({
      device_id: null,
      seq: null,
      findings: [expect.objectContaining({ rule: 'schema' })],
    });
    expect(out[4].findings).toContainEqual(
      expect.objectContaining({ rule: 'physics.efficiency', severity: 'warning', unit: '1' }),
    );
  });

  it('uses the current time when --now is omitted (late readings are not failures)', async () => {
    const readings = file('late.jsonl', `${reading(1, 900)}\n`);
    const { code, stdout } = await mrv(['verify', '--policy', POLICY, '--plant', plantFile, readings]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).status).toBe('APPROVED');
  });

  it('meets the detection targets on a generated 30-day, 2-device plant with the shipped policy', async () => {
    const { plant, records, nowMs } = generateSyntheticPlant({ seed: 5, days: 30 });
    const plantPath = file('synthetic-plant.json', JSON.stringify(plant));
    const readings = file('synthetic.jsonl', `${records.map((r) => r.line).join('\n')}\n`);
    const { code, stdout } = await mrv([
      'verify',
      '--policy',
      POLICY,
      '--plant',
      plantPath,
      '--now',
      new Date(nowMs).toISOString(),
      readings,
    ]);
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(records.length);
    // The protocol before the independent set (onsets and new families excluded) keeps its targets.
    const legacy = records
      .map((r, i) => ({ r, kind: r.kind, status: out[i].status }))
      .filter(({ r }) => !['export_underread', 'frozen_logger', 'ct_ratio_error'].includes(r.kind))
      .filter(({ r }) => !(r.kind === 'stuck' && (r.onset ?? 0) < 4))
      .filter(({ r }) => !(r.kind === 'drift' && (r.change ?? 0) < 0.1));
    const report = detectionReport(legacy);
    expect(report.clean_approved).toBeGreaterThanOrEqual(0.98);
    expect(report.hard_rejected).toBeGreaterThanOrEqual(0.95);
    expect(report.soft_not_approved).toBeGreaterThanOrEqual(0.9);
    // An export meter reading low shows as a learned-band finding with its band, value, limit and allowance.
    const underread = out.filter(
      (v, i) => records[i]!.kind === 'export_underread' && v.status !== 'APPROVED',
    );
    expect(underread.length).toBeGreaterThan(0);
    const finding = underread
      .flatMap((v) => v.findings)
      .find((f: { rule: string }) => f.rule === 'baseline.export_ratio');
    expect(finding).toMatchObject({ unit: '1', severity: 'warning' });
    expect(finding.band.n).toBeGreaterThanOrEqual(24);
    expect(typeof finding.allowance).toBe('number');
    expect(typeof finding.measured).toBe('number');
    expect(typeof finding.limit).toBe('number');
    expect(finding.message).toMatch(/learned from \d+ approved readings/);
  });

  it.each([
    ['no arguments', []],
    ['no readings file', ['--policy', POLICY, '--plant', 'x.json']],
    ['two readings files', ['--policy', POLICY, '--plant', 'x.json', 'a', 'b']],
    ['an unknown option', ['--policy', POLICY, '--plant', 'x.json', '--fast', 'a']],
    ['an unknown --flagged', ['--policy', POLICY, '--plant', 'x.json', '--flagged', 'maybe', 'a']],
  ])('exits with a usage error for %s', async (_name, args) => {
    const { code, stdout, stderr } = await mrv(['verify', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/usage: mrv verify|Unknown option|--flagged must be/);
  });

  it('exits non-zero without a stack trace for a missing readings file, a bad plant, a bad policy or a bad --now', async () => {
    const readings = file('one.jsonl', `${reading(1, 900)}\n`);
    const badPlant = file('bad-plant.json', JSON.stringify({ plant_id: 'x' }));
    const notJson = file('not-json.json', '{');
    const badPolicy = file('bad-policy.yaml', 'language: nope\n');
    const cases = [
      ['--policy', POLICY, '--plant', plantFile, join(dir, 'missing.jsonl')],
      ['--policy', POLICY, '--plant', badPlant, readings],
      ['--policy', POLICY, '--plant', notJson, readings],
      ['--policy', POLICY, '--plant', join(dir, 'nope.json'), readings],
      ['--policy', badPolicy, '--plant', plantFile, readings],
      ['--policy', POLICY, '--plant', plantFile, '--now', 'yesterday', readings],
    ];
    for (const args of cases) {
      const { code, stdout, stderr } = await mrv(['verify', ...args]);
      expect(code, args.join(' ')).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
