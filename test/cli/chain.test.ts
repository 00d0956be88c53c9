import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustChainBundle } from '../../identity/trust-chain-bundle.ts';
import { type LocalHedera, startLocalHedera } from '../identity/fixtures/local-hedera.ts';
import { buildTrustChain } from '../identity/fixtures/trust-chain-scenario.ts';

const exec = promisify(execFile);
let hedera: LocalHedera;
let bundle: TrustChainBundle;
let dir: string;

beforeAll(async () => {
  hedera = await startLocalHedera();
  bundle = await buildTrustChain(hedera, { erTco2e: 1234.5678, decimals: 2 });
  dir = await mkdtemp(join(tmpdir(), 'mrv-chain-'));
});
afterAll(async () => {
  await hedera?.close();
  await rm(dir, { recursive: true, force: true });
});

async function mrv(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['bin/mrv.js', ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('mrv chain verify', () => {
  it('prints every check and a VALID verdict for a genuine bundle (exit 0)', async () => {
    const path = await file('good.json', JSON.stringify(bundle, null, 2));
    const { code, stdout } = await mrv(
      'chain',
      'verify',
      path,
      '--mirror',
      hedera.network.mirrorRestUrl,
      '--now',
      '2025-03-10T00:00:00Z',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS {2}presentation\.signature/m);
    expect(stdout).toMatch(/^PASS {2}mint:amount {2}123456 = floor\(ER 1234\.5678 × 10\^2\)/m);
    expect(stdout).toMatch(/^verdict: VALID/m);
    expect(stdout).not.toMatch(/^FAIL/m);
  });

  it('names the broken link and exits 1 for a tampered bundle, also as JSON', async () => {
    const copy = structuredClone(bundle) as unknown as { documents: Array<{ document: { seq: number } }> };
    copy.documents[3]!.document.seq = 99;
    const path = await file('bad.json', JSON.stringify(copy));
    const text = await mrv(
      'chain',
      'verify',
      path,
      '--mirror',
      hedera.network.mirrorRestUrl,
      '--now',
      '2025-03-10T00:00:00Z',
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^FAIL {2}document:3\.inclusion {2}DOCUMENT_MISMATCH/m);
    expect(text.stdout).toMatch(/^verdict: INVALID \(broken: document:3\.inclusion\)/m);
    const json = await mrv(
      'chain',
      'verify',
      path,
      '--mirror',
      hedera.network.mirrorRestUrl,
      '--json',
      '--now',
      '2025-03-10T00:00:00Z',
    );
    const parsed = JSON.parse(json.stdout) as {
      valid: boolean;
      checks: Array<{ link: string; ok: boolean }>;
    };
    expect(parsed.valid).toBe(false);
    expect(parsed.checks.filter((c) => !c.ok).map((c) => c.link)).toEqual(['document:3.inclusion']);
  });

  it('fails a file that is not JSON without a stack trace', async () => {
    const path = await file('junk.json', '{not json');
    const { code, stdout, stderr } = await mrv(
      'chain',
      'verify',
      path,
      '--mirror',
      hedera.network.mirrorRestUrl,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}bundle {2}file is not JSON/m);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    [['chain'], /usage: mrv chain verify/],
    [['chain', 'verify', 'x.json'], /usage: mrv chain verify/],
    [['chain', 'verify', 'missing.json', '--mirror', 'http://127.0.0.1:1/'], /cannot read missing\.json/],
    [['chain', 'verify', 'x.json', '--mirror', 'ftp://mirror'], /--mirror must be http/],
    [
      ['chain', 'verify', 'x.json', '--mirror', 'http://m/', '--now', 'yesterday'],
      /--now must be an RFC 3339/,
    ],
  ])('reports the usage error in %j with exit 2', async (args, message) => {
    const { code, stderr } = await mrv(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
