import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDocument } from '../../engine/anchoring/index.ts';
import type { TrustChainBundle } from '../../identity/trust-chain-bundle.ts';
import { type LocalHedera, startLocalHedera } from '../identity/fixtures/local-hedera.ts';
import { buildChain } from '../identity/hostile-issuer/build-chain.ts';
import { createParties, type Parties } from '../identity/hostile-issuer/parties.ts';

const exec = promisify(execFile);
let hedera: LocalHedera;
let parties: Parties;
let bundle: TrustChainBundle;
let dir: string;
let docs: string;
let garbage: Server;
let garbageUrl: string;

beforeAll(async () => {
  hedera = await startLocalHedera();
  parties = await createParties();
  bundle = (await buildChain(hedera, parties)).bundle;
  dir = await mkdtemp(join(tmpdir(), 'mrv-chain-'));
  // The documents directory: the bundle under the hash its MonitoringReport is anchored by.
  docs = join(dir, 'documents');
  await mkdir(docs);
  await writeFile(
    join(docs, `${hashDocument(bundle.presentation.verifiableCredential[1])}.json`),
    JSON.stringify(bundle),
  );
  // A "mirror node" answering garbage, and one that never answers in time is the closed port 9.
  garbage = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"transactions": [tr'),
  );
  await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
  const address = garbage.address();
  garbageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
}, 120_000);
afterAll(async () => {
  await hedera?.close();
  await new Promise<void>((resolve) => (garbage ? garbage.close(() => resolve()) : resolve()));
  await rm(dir, { recursive: true, force: true });
});

async function mrv(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['bin/mrv.js', ...args], {
      cwd: process.cwd(),
      maxBuffer: 64 * 1024 * 1024,
    });
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

const trust = () => ['--authority', parties.authority.did];

describe('mrv chain verify', () => {
  it('starts from the token id alone and prints a VALID tree with the recomputed figures (exit 0)', async () => {
    const { code, stdout, stderr } = await mrv(
      'chain',
      'verify',
      '--token',
      bundle.mint.tokenId,
      '--mirror',
      hedera.network.mirrorRestUrl,
      '--documents',
      docs,
      ...trust(),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^token ${bundle.mint.tokenId.replaceAll('.', '\\.')} \\(mint `));
    expect(stdout).toMatch(/PASS {2}mint:located/);
    expect(stdout).toMatch(/PASS {2}figure:EG {2}[\d.]+ recomputed from \d+ reading/);
    expect(stdout).toMatch(/PASS {2}device:did:key:/);
    expect(stdout).toMatch(
      new RegExp(
        `^verdict: VALID — \\d+ readings checked, \\d+ counted, [\\d.]+ MWh recomputed, [\\d.]+ tCO2e, amount ${bundle.mint.amount}$`,
        'm',
      ),
    );
    expect(stdout).not.toMatch(/FAIL/);
    expect(stdout).toMatch(/PASS {2}issuances\.unique {2}the only issuance of its token/);
  });

  it("fails issuances.unique when a second mint on the token counts the first one's readings", async () => {
    // The issuer mints again on its own token, from a properly built and signed second chain over
    // the very readings the first issuance counted: each chain alone verifies.
    const built = await buildChain(hedera, parties);
    const first = built.bundle;
    const second = (
      await buildChain(hedera, parties, { mintOnToken: first.mint.tokenId, sameReadingsAs: built })
    ).bundle;
    // A documents directory holding these bundles under their anchored hashes.
    const documentsOf = async (name: string, bundles: TrustChainBundle[]) => {
      const at = join(dir, name);
      await mkdir(at, { recursive: true });
      for (const b of bundles) {
        await writeFile(
          join(at, `${hashDocument(b.presentation.verifiableCredential[1])}.json`),
          JSON.stringify(b),
        );
      }
      return at;
    };
    const byToken = (serial: string, documents: string, ...extra: string[]) =>
      mrv(
        'chain',
        'verify',
        '--token',
        first.mint.tokenId,
        '--serial',
        serial,
        '--mirror',
        hedera.network.mirrorRestUrl,
        '--documents',
        documents,
        ...extra,
        ...trust(),
      );
    const twice = await documentsOf('twice', [first, second]);
    for (const serial of ['1', '2']) {
      const { code, stdout } = await byToken(serial, twice, '--json');
      expect(code, stdout.slice(0, 400)).toBe(1);
      const verdict = JSON.parse(stdout) as {
        valid: boolean;
        checks: { link: string; ok: boolean; detail: string }[];
      };
      expect(verdict.checks.filter((c) => !c.ok).map((c) => c.link)).toEqual(['issuances.unique']);
      expect(verdict.checks.find((c) => c.link === 'issuances.unique')?.detail).toMatch(
        /\d+ reading\(s\) also counted by issuance 0\.0\.\d+@/,
      );
      expect(stdout).not.toContain('countedReadings');
    }
    // Without the other issuance's bundle, double counting cannot be ruled out: INVALID, not VALID.
    const { code, stdout } = await byToken('2', await documentsOf('alone', [second]));
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL {2}issuances\.unique {2}issuance .* cannot be verified \(cannot read/);
  }, 180_000);

  it('verifies a bundle file too, and --json carries the checks and recomputed figures', async () => {
    const path = await file('good.json', JSON.stringify(bundle));
    const { code, stdout } = await mrv(
      'chain',
      'verify',
      path,
      '--mirror',
      hedera.network.mirrorRestUrl,
      '--json',
      ...trust(),
    );
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {
      valid: boolean;
      readings: { counted: number };
      figures: { result: { token: { amount: number } } };
    };
    expect(parsed.valid).toBe(true);
    expect(String(parsed.figures.result.token.amount)).toBe(bundle.mint.amount);
    expect(parsed.readings.counted).toBeGreaterThan(100);
  });

  it('names the broken link and exits 1 for a tampered bundle', async () => {
    const copy = structuredClone(bundle) as unknown as { documents: Array<{ document: { seq: number } }> };
    copy.documents[3]!.document.seq = 99_999;
    const path = await file('bad.json', JSON.stringify(copy));
    const text = await mrv('chain', 'verify', path, '--mirror', hedera.network.mirrorRestUrl, ...trust());
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/FAIL {2}document:3\.inclusion {2}DOCUMENT_MISMATCH/);
    expect(text.stdout).toMatch(/^verdict: INVALID \(broken: .*document:3\.inclusion/m);
  });

  it('exits 1 without a trusted accreditation authority', async () => {
    const path = await file('good2.json', JSON.stringify(bundle));
    const { code, stdout } = await mrv('chain', 'verify', path, '--mirror', hedera.network.mirrorRestUrl);
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL {2}roles {2}no accreditation authority named/);
  });

  const json = () => JSON.stringify(bundle);
  it.each([
    ['not JSON', () => '{not json', /is not JSON/],
    ['truncated', () => json().slice(0, Math.floor(json().length / 2)), /is not JSON \(truncated/],
    [
      'the wrong shape',
      () => JSON.stringify({ v: 1, type: 'mrv.trust-chain' }),
      /not a v1 trust-chain bundle/,
    ],
    ['an array', () => '[]', /not a v1 trust-chain bundle/],
  ])('exits 2 with a clear message for a bundle that is %s', async (_name, content, message) => {
    const path = await file(`junk-${_name.replaceAll(' ', '-')}.json`, content());
    const { code, stdout, stderr } = await mrv(
      'chain',
      'verify',
      path,
      '--mirror',
      hedera.network.mirrorRestUrl,
      ...trust(),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).not.toMatch(/VALID —/);
    expect(`${stdout}${stderr}`).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 2 for an oversized bundle without reading it', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await (await import('node:fs/promises')).truncate(path, 64 * 1024 * 1024 + 1);
    const { code, stderr } = await mrv('chain', 'verify', path, '--mirror', hedera.network.mirrorRestUrl);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bytes \(limit/);
  });

  it.each([
    ['an unknown token', ['--token', '0.0.987654'], /mirror node answered 404/],
    [
      'a mint transaction that is not one',
      ['--token', '', '--mint-tx', '0.0.2@1.1'],
      /no such successful mint|not a token id/,
    ],
    [
      'a malformed mint transaction id',
      ['--token', '', '--mint-tx', 'yesterday'],
      /not a transaction id|not a token id/,
    ],
  ])('exits 2 for %s', async (_name, args, message) => {
    const a = args.map((x) => (x === '' ? bundle.mint.tokenId : x));
    const { code, stderr } = await mrv(
      'chain',
      'verify',
      ...a,
      '--mirror',
      hedera.network.mirrorRestUrl,
      '--documents',
      docs,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 when the documents hold no document with the anchored hash', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty, { recursive: true });
    const { code, stderr } = await mrv(
      'chain',
      'verify',
      '--token',
      bundle.mint.tokenId,
      '--mirror',
      hedera.network.mirrorRestUrl,
      '--documents',
      empty,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read .*[0-9a-f]{64}\.json/);
  });

  it.each([
    ['times out or refuses', 'http://127.0.0.1:9/'],
    ['answers garbage', 'garbage'],
  ])('exits 2 when the mirror node %s, never VALID', async (_name, mirror) => {
    const url = mirror === 'garbage' ? garbageUrl : mirror;
    for (const args of [
      ['--token', bundle.mint.tokenId, '--documents', docs],
      [await file('good3.json', JSON.stringify(bundle))],
    ]) {
      const { code, stdout, stderr } = await mrv('chain', 'verify', ...args, '--mirror', url, ...trust());
      expect(code).toBe(2);
      expect(stderr).toMatch(/cannot verify: .*mirror node/);
      expect(stdout).not.toMatch(/verdict: VALID/);
      expect(`${stdout}${stderr}`).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it.each([
    [['chain'], /usage: mrv chain verify/],
    [['chain', 'verify', 'x.json'], /usage: mrv chain verify/],
    [['chain', 'verify', '--token', '0.0.5', '--mirror', 'http://m/'], /usage: mrv chain verify/],
    [['chain', 'verify', 'x.json', '--mirror', 'ftp://mirror'], /--mirror must be http/],
    [
      ['chain', 'verify', 'x.json', '--mirror', 'http://m/', '--now', 'yesterday'],
      /--now must be an RFC 3339/,
    ],
    [
      ['chain', 'verify', 'x.json', '--mirror', 'http://m/', '--authority', 'me'],
      /--authority must be a DID/,
    ],
    [['chain', 'verify', 'x.json', '--mirror', 'http://m/', '--bogus'], /Unknown option/],
    [
      ['chain', 'verify', '--token', '0.0.5', '--mirror', 'http://m/', '--documents', 'd', '--serial', '0'],
      /--serial must be/,
    ],
  ])('reports the usage error in %j with exit 2', async (args, message) => {
    const { code, stderr } = await mrv(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
