import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const AMS = 'policies/hydro-ams-i-d.yaml';
const ACM = 'policies/hydro-acm0002.yaml';
const dir = mkdtempSync(join(tmpdir(), 'mrv-policy-'));

async function mrv(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/mrv.js', ...args], { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('mrv policy validate', () => {
  it('exits 0 for the shipped policies', async () => {
    const r = await mrv(['policy', 'validate', AMS, ACM]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('prints every problem of every file as file:line:col: code: message and exits 1', async () => {
    const source = readFileSync(AMS, 'utf8')
      .replace('P7D: escalated', 'P7D: escalatd')
      .replace('expr: EG * EF_grid', 'expr: EG + EF_grid');
    const broken = file('broken.yaml', source);
    const binary = file('binary.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    const latin1 = file('latin1.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0xff]));
    const missing = join(dir, 'missing.yaml');
    const r = await mrv(['policy', 'validate', AMS, broken, binary, latin1, missing]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${broken}:\\d+:\\d+: unknown-state: `)),
      expect.stringMatching(new RegExp(`^${broken}:\\d+:\\d+: unreachable-state: `)),
      expect.stringMatching(new RegExp(`^${broken}:\\d+:\\d+: unit-mismatch: `)),
      `${binary}:1:1: not-a-policy: binary content (NUL bytes): not a YAML policy`,
      `${latin1}:1:1: not-a-policy: not UTF-8 text`,
      `${missing}:1:1: unreadable: no such file`,
    ]);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('reports a 10 MB file as too large without a crash', async () => {
    const big = file('big.yaml', Buffer.alloc(10 * 1024 * 1024, 0x61));
    const r = await mrv(['policy', 'validate', big]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${big}:1:1: too-large:`);
  });

  it('is a usage error without files', async () => {
    expect((await mrv(['policy', 'validate'])).code).toBe(2);
  });
});

describe('mrv policy test', () => {
  it('runs the shipped scenarios offline and exits 0', async () => {
    const r = await mrv(['policy', 'test', AMS, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.failed).toBe(0);
    expect(report.passed).toBeGreaterThanOrEqual(8);
    expect(report.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails with the difference when a scenario expectation is wrong', async () => {
    const copy = join(dir, 'copy');
    mkdirSync(join(copy, 'fixtures'), { recursive: true });
    cpSync(AMS, join(copy, 'hydro-ams-i-d.yaml'));
    cpSync('policies/fixtures/hydro-ams-i-d', join(copy, 'fixtures', 'hydro-ams-i-d'), { recursive: true });
    const scenario = join(copy, 'fixtures', 'hydro-ams-i-d', '01-clean-period-mints.yaml');
    writeFileSync(scenario, readFileSync(scenario, 'utf8').replace('minted: 20115', 'minted: 20116'));
    const r = await mrv(['policy', 'test', join(copy, 'hydro-ams-i-d.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL');
    expect(r.stdout).toContain('minted amount: expected 20116, got 20115');
  });
});

describe('mrv policy graph and diff', () => {
  it('prints every workflow as a Mermaid state diagram', async () => {
    const r = await mrv(['policy', 'graph', AMS]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/```mermaid\nstateDiagram-v2/g)).toHaveLength(3);
  });

  it('prints semantic differences and exits 1 when policies differ', async () => {
    const r = await mrv(['policy', 'diff', AMS, ACM]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('~ methodology.id: "AMS-I.D" → "ACM0002"');
  });

  it('warns when content changes under the same version', async () => {
    const edited = file(
      'edited.yaml',
      `# reviewed\n${readFileSync(AMS, 'utf8').replace('P7D: escalated', 'P6D: escalated')}`,
    );
    const r = await mrv(['policy', 'diff', AMS, edited]);
    expect(r.stdout).toContain('+ workflows.reading_review.states.in_review.after.P6D');
    expect(r.stderr).toContain('a published version is immutable');
  });

  it('finds no differences after comments and layout change', async () => {
    const restyled = file('restyled.yaml', `# only a comment\n${readFileSync(AMS, 'utf8')}`);
    const r = await mrv(['policy', 'diff', AMS, restyled]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no semantic differences');
  });
});
