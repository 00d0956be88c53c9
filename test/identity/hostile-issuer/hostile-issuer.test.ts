/**
 * The hostile-issuer kit: an organization holding every one of its own keys builds real chains on the
 * local network, each with one attack, re-signed and re-anchored as a real issuer could. Every attack
 * must be INVALID and name its link; the genuine chain must be VALID with the figures recomputed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519KeyFromDidKey } from '../../../engine/telemetry/did-key.ts';
import { signTelemetry } from '../../../engine/telemetry/sign-telemetry.ts';
import { verifyTelemetrySignature } from '../../../engine/telemetry/verify-telemetry-signature.ts';
import { verifyTrustChain } from '../../../identity/verify-trust-chain.ts';
import { type LocalHedera, startLocalHedera } from '../fixtures/local-hedera.ts';
import { type BuiltChain, buildChain, type ChainOptions, type Entry } from './build-chain.ts';
import { createParties, type Parties } from './parties.ts';

let hedera: LocalHedera;
let parties: Parties;
let genuine: BuiltChain;

beforeAll(async () => {
  hedera = await startLocalHedera();
  parties = await createParties();
  genuine = await buildChain(hedera, parties);
}, 120_000);
afterAll(async () => {
  await hedera?.close();
});

function verify(bundle: unknown) {
  return verifyTrustChain({
    bundle,
    mirrorUrl: hedera.network.mirrorRestUrl,
    fetch,
    now: new Date().toISOString(),
    authorities: [parties.authority.did],
  });
}

const approved = (entries: Entry[]) => entries.filter((e) => e.verdict === 'APPROVED');
const signedByItsDevice = (e: Entry) =>
  verifyTelemetrySignature(e.document, ed25519KeyFromDidKey(e.document.device_id)!);

describe('hostile issuer: the genuine chain', () => {
  it('is VALID, with every reading re-verified and every figure recomputed', async () => {
    const result = await verify(genuine.bundle);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.valid).toBe(true);
    const e = genuine.entries;
    expect(result.readings).toEqual({
      checked: e.length,
      counted: e.filter((x) => x.status === 'APPROVED').length,
      approved: e.filter((x) => x.verdict === 'APPROVED').length,
      flagged: e.filter((x) => x.verdict === 'FLAGGED').length,
      rejected: e.filter((x) => x.verdict === 'REJECTED').length,
    });
    // The genuine chain exercises every path: approved, flagged-then-reviewed, rejected-but-anchored.
    expect(result.readings!.flagged).toBeGreaterThan(0);
    expect(result.readings!.rejected).toBeGreaterThan(0);
    const links = result.checks.map((c) => c.link);
    for (const link of [
      'policy.document',
      'policy.published',
      'roles.registry',
      'plant',
      'report.anchor',
      'report.batches',
      'figure:EG',
      'figure:ER',
      'figure:amount.issuance',
      'mint:token-control',
      'mint:memo',
    ]) {
      expect(links).toContain(link);
    }
    const report = genuine.bundle.presentation.verifiableCredential[1]!.credentialSubject;
    expect(result.figures!.result.er_tco2e).toBe(report.erTco2e);
    expect(String(result.figures!.result.token.amount)).toBe(genuine.bundle.mint.amount);
  });
});

const attacks: Array<[string, ChainOptions, RegExp]> = [
  ['EG inflated 25 % in a properly re-signed report and mint', { egFactor: 1.25 }, /^figure:EG$/],
  [
    'ER and the amount inflated in a re-signed report, minted accordingly',
    {
      patchReport: (s) => {
        s.erTco2e = Number(s.erTco2e) * 1.25;
        s.amount = String(Math.floor(Number(s.erTco2e) * 1000));
      },
    },
    /^figure:ER$/,
  ],
  [
    'a reading value changed after the device signed it',
    {
      tamper: (entries) => {
        approved(entries)[3]!.document.readings[0]!.value += 1;
      },
    },
    /^reading:.*\.signature$/,
  ],
  [
    'a reading whose signature was removed',
    {
      tamper: (entries) => {
        delete (approved(entries)[4]!.document as { signature?: string }).signature;
      },
    },
    /^reading:.*\.signature$/,
  ],
  [
    'a reading signed by another key than its device DID',
    {
      tamper: (entries) => {
        const e = approved(entries)[5]!;
        const { signature: _s, ...unsigned } = e.document;
        e.document = signTelemetry(unsigned, generateKeyPairSync('ed25519').privateKey);
      },
    },
    /^reading:.*\.signature$/,
  ],
  [
    'a reading the rules reject, counted as approved',
    {
      tamper: (entries) => {
        const e = entries.find((x) => x.verdict === 'REJECTED' && signedByItsDevice(x))!;
        e.status = 'APPROVED';
      },
    },
    /^reading:.*\.verdict$/,
  ],
  ['flagged readings counted without a review credential', { reviewedBy: 'none' }, /^reading:.*\.review$/],
  [
    'flagged readings a verifier rejected, anchored with the rejecting review but counted as approved',
    { reviewDecision: 'reject' },
    /^reading:.*\.review$/,
  ],
  [
    'flagged readings approved by a review the organization signed',
    { reviewedBy: 'org' },
    /^reading:.*\.review$/,
  ],
  [
    'devices registered by the organization itself',
    { registeredBy: 'org' },
    /^registration:|\.registration$/,
  ],
  [
    'one reading counted twice',
    {
      tamper: (entries) => {
        entries.push(structuredClone(approved(entries)[6]!));
      },
    },
    /^reading:.*\.unique$/,
  ],
  [
    'readings of the previous period counted in this one',
    { start: '2026-04-30T18:00:00Z' },
    /^reading:.*\.period$/,
  ],
  [
    "a mint on a token whose supply key is not the issuer's",
    { supplyKeyOf: 'other' },
    /^mint:token-control$/,
  ],
  ['anchors on a topic the issuer does not control', { topicKeyOf: 'other' }, /^anchor:.*\.control$/],
  ['a mint whose memo names another report', { memo: () => 'report 0.0.1#1' }, /^mint:memo$/],
  [
    'the policy changed after publication (lower approve threshold)',
    { bundlePolicy: (text) => text.replace('default: 0.8, min: 0.6', 'default: 0.6, min: 0.6') },
    /^policy\.document$/,
  ],
  [
    'the grid emission factor raised 25 % in the database (0.758 → 0.948)',
    { computePlant: (p) => ({ ...p, grid: { ...p.grid, ef_tco2_per_mwh: 0.948 } }) },
    /^figure:EF_grid$/,
  ],
  [
    'the policy published on the ledger only after the readings and the report (rules written afterwards)',
    { policyPublication: 'after' },
    /^policy\.published$/,
  ],
  ['a policy never published on the ledger', { policyPublication: 'none' }, /^policy\.published$/],
  ['the plant attested by the organization instead of the registry', { plantAttestedBy: 'org' }, /^plant$/],
  [
    "an older status-list snapshot, without the registration's anchored revocation",
    { staleStatusList: true },
    /^status-list:.*\.ledger$/,
  ],
  ['a status list the ledger never saw', { statusListAnchored: false }, /^status-list:.*\.ledger$/],
  [
    'the registry and verifier accredited by the organization itself',
    { accreditedBy: 'org' },
    /^roles\.registry$/,
  ],
];

describe('hostile issuer: attacks', () => {
  it('has at least 15 distinct attacks', () => {
    expect(new Set(attacks.map(([name]) => name)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(attacks)(
    '%s → INVALID, naming the link',
    async (_name, options, link) => {
      const { bundle } = await buildChain(hedera, parties, options);
      const result = await verify(bundle);
      expect(result.valid).toBe(false);
      const failed = result.checks.filter((c) => !c.ok);
      expect(
        failed.map((c) => c.link).some((l) => link.test(l)),
        JSON.stringify(failed.slice(0, 6)),
      ).toBe(true);
    },
    60_000,
  );
});
