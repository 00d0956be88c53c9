import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustChainBundle } from '../../identity/trust-chain-bundle.ts';
import { verifyTrustChain } from '../../identity/verify-trust-chain.ts';
import { type LocalHedera, startLocalHedera } from './fixtures/local-hedera.ts';
import { buildChain } from './hostile-issuer/build-chain.ts';
import { createParties, type Parties } from './hostile-issuer/parties.ts';

let hedera: LocalHedera;
let parties: Parties;
let bundle: TrustChainBundle;
const now = '2026-12-01T00:00:00Z';

beforeAll(async () => {
  hedera = await startLocalHedera();
  parties = await createParties();
  bundle = (await buildChain(hedera, parties)).bundle;
}, 120_000);
afterAll(async () => {
  await hedera?.close();
});

function verify(candidate: unknown, mirrorUrl = hedera.network.mirrorRestUrl) {
  return verifyTrustChain({ bundle: candidate, mirrorUrl, fetch, now, authorities: [parties.authority.did] });
}

function failedLinks(result: Awaited<ReturnType<typeof verify>>): string[] {
  return result.checks.filter((c) => !c.ok).map((c) => c.link);
}

describe('trust chain', () => {
  it('verifies a genuine chain: every check passes', async () => {
    const result = await verify(bundle);
    expect(failedLinks(result)).toEqual([]);
    expect(result.valid).toBe(true);
    const links = result.checks.map((c) => c.link);
    for (const expected of [
      'presentation.signature',
      'policy',
      'issuance.anchors',
      'mint:amount',
      'mint:ledger',
      'mint:decimals',
    ]) {
      expect(links).toContain(expected);
    }
    expect(links.some((l) => l.endsWith('.running-hash'))).toBe(true);
    expect(links.filter((l) => l.endsWith('.inclusion'))).toHaveLength(bundle.anchors.length);
  });

  it('is INVALID without an accreditation authority the auditor trusts', async () => {
    const result = await verifyTrustChain({ bundle, mirrorUrl: hedera.network.mirrorRestUrl, fetch, now });
    expect(failedLinks(result)).toContain('roles');
    const foreign = await verifyTrustChain({
      bundle,
      mirrorUrl: hedera.network.mirrorRestUrl,
      fetch,
      now,
      authorities: [parties.other.did],
    });
    expect(failedLinks(foreign)).toContain('roles.registry');
  });

  // biome-ignore lint/suspicious/noExplicitAny: tampering reaches freely into the bundle's JSON
  const tamperings: Array<[string, (b: any) => void, RegExp]> = [
    ['a reading value', (b) => (b.documents[2].document.readings[0].value += 1), /^document:2\.inclusion$/],
    [
      'a Merkle audit path',
      (b) => (b.documents[0].proof.path[0] = '0'.repeat(64)),
      /^document:0\.inclusion$/,
    ],
    [
      'the anchor message bytes',
      (b) =>
        (b.anchors[0].message = Buffer.from(
          Buffer.from(b.anchors[0].message, 'base64')
            .toString()
            .replace(/"count":(\d+)/, (_m: string, n: string) => `"count":${Number(n) + 1}`),
        ).toString('base64')),
      /^anchor:.*\.(mirror|message)$/,
    ],
    [
      'the anchor running hash',
      (b) => (b.anchors[0].runningHash = Buffer.alloc(48, 1).toString('base64')),
      /^anchor:.*\.mirror$/,
    ],
    ['the anchor sequence number', (b) => (b.anchors[1].sequenceNumber = 1), /^anchor:.*\.mirror$/],
    [
      'the minted amount',
      (b) => (b.mint.amount = String(BigInt(b.mint.amount) + 1n)),
      /^mint:(fields|ledger)$/,
    ],
    [
      'the mint transaction id',
      (b) => (b.mint.transactionId = b.mint.transactionId.replace(/\.(\d)/, '.9')),
      /^presentation\.signature$/,
    ],
    [
      'the ER in the monitoring report',
      (b) => (b.presentation.verifiableCredential[1].credentialSubject.erTco2e = 800),
      /^credential:MonitoringReport:.*\.signature$/,
    ],
    ['the policy hash', (b) => (b.policyHash = 'cd'.repeat(32)), /^policy(\.document)?$/],
    [
      'the policy document',
      (b) =>
        (b.policy = b.policy.replace(
          'max_capacity: { unit: kW, default: 15000',
          'max_capacity: { unit: kW, default: 150000',
        )),
      /^policy\.document$/,
    ],
    [
      'a claimed reading status',
      (b) => (b.documents.find((d: { status?: string }) => d.status === 'REJECTED').status = 'APPROVED'),
      /^reading:.*\.(verdict|signature|registration|unique)$/,
    ],
    [
      'the presentation proof',
      (b) => (b.presentation.proof.proofValue = `${b.presentation.proof.proofValue.slice(0, -3)}abc`),
      /^presentation\.signature$/,
    ],
    [
      'the status list bits',
      (b) =>
        (b.statusLists[0].credentialSubject.encodedList = `${b.statusLists[0].credentialSubject.encodedList.slice(0, -4)}AAAA`),
      /^credential:DeviceRegistration:.*\.status$/,
    ],
    ['an added bundle field', (b) => (b.note = 'trust me'), /^bundle$/],
    [
      'the issuance anchors list',
      (b) =>
        b.presentation.verifiableCredential[0].credentialSubject.anchors.push({
          topicId: '0.0.1',
          sequenceNumber: 1,
        }),
      /^credential:Issuance:.*\.signature$/,
    ],
  ];

  it.each(tamperings)('fails and names the broken link when %s is changed', async (_name, tamper, link) => {
    const copy = structuredClone(bundle);
    tamper(copy);
    const result = await verify(copy);
    expect(result.valid).toBe(false);
    expect(
      failedLinks(result).some((l) => link.test(l)),
      failedLinks(result).join(', '),
    ).toBe(true);
  });

  it('fails when a device registration has been revoked', async () => {
    const revoked = (await buildChain(hedera, parties, { revokeFirstDevice: true })).bundle;
    const result = await verify(revoked);
    expect(result.valid).toBe(false);
    const failed = result.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.link)).toContainEqual(
      expect.stringMatching(/^credential:DeviceRegistration:.*\.status$/),
    );
    expect(failed.find((c) => c.link.endsWith('.status'))?.detail).toMatch(/REVOKED/);
  });

  it('fails when the mirror node is unreachable instead of trusting the bundle', async () => {
    const result = await verify(bundle, 'http://127.0.0.1:9/');
    expect(result.valid).toBe(false);
    expect(failedLinks(result)).toContain('mint:ledger');
  });

  it.each([null, 'text', [], { v: 2 }, { ...{ v: 1, type: 'mrv.trust-chain' } }])(
    'rejects the malformed bundle %j',
    async (candidate) => {
      const result = await verify(candidate);
      expect(result).toMatchObject({ valid: false, checks: [{ link: 'bundle', ok: false }] });
    },
  );

  it('fails when any single byte of the evidence changes', async () => {
    // The policy's YAML layout and the service's verifier clock are not evidence (comments do not
    // change the policy hash; an earlier clock only rejects more); every other byte is.
    const { policy, ...rest } = bundle;
    const text = JSON.stringify({ ...rest, documents: rest.documents.map(({ verifiedAt: _v, ...d }) => d) });
    let state = 12345;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const alphabet = '0123456789abcdefABCDEF:._-zZ';
    let tried = 0;
    while (tried < 12) {
      const at = random(text.length);
      const replacement = alphabet[random(alphabet.length)]!;
      if (text[at] === replacement) continue;
      const mutated = `${text.slice(0, at)}${replacement}${text.slice(at + 1)}`;
      // biome-ignore lint/suspicious/noExplicitAny: a mutated bundle is any JSON
      let parsed: any;
      try {
        parsed = JSON.parse(mutated);
      } catch {
        continue; // not JSON at all: nothing to verify
      }
      tried++;
      if (parsed && typeof parsed === 'object') {
        parsed.policy = policy;
        if (Array.isArray(parsed.documents)) {
          parsed.documents.forEach((d: Record<string, unknown>, i: number) => {
            const v = bundle.documents[i]?.verifiedAt;
            if (d && typeof d === 'object' && v) d.verifiedAt = v;
          });
        }
      }
      const result = await verify(parsed);
      expect(
        result.valid,
        `byte ${at} '${text[at]}'→'${replacement}' near ${text.slice(at - 30, at + 30)}`,
      ).toBe(false);
    }
  }, 120_000);
});
