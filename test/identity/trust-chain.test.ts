import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceCredential } from '../../identity/evidence-credential.ts';
import type { TrustChainBundle } from '../../identity/trust-chain-bundle.ts';
import { verifyTrustChain } from '../../identity/verify-trust-chain.ts';
import { type LocalHedera, startLocalHedera } from './fixtures/local-hedera.ts';
import { buildChain } from './hostile-issuer/build-chain.ts';
import { createParties, type Parties } from './hostile-issuer/parties.ts';

let hedera: LocalHedera;
let parties: Parties;
let bundle: TrustChainBundle;

beforeAll(async () => {
  hedera = await startLocalHedera();
  parties = await createParties();
  bundle = (await buildChain(hedera, parties)).bundle;
}, 120_000);
afterAll(async () => {
  await hedera?.close();
});

function verify(candidate: unknown, mirrorUrl = hedera.network.mirrorRestUrl) {
  // The auditor's clock is the real one: status lists are read as the local ledger shows them now.
  const now = new Date().toISOString();
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
    const result = await verifyTrustChain({
      bundle,
      mirrorUrl: hedera.network.mirrorRestUrl,
      fetch,
      now: new Date().toISOString(),
    });
    expect(failedLinks(result)).toContain('roles');
    const foreign = await verifyTrustChain({
      bundle,
      mirrorUrl: hedera.network.mirrorRestUrl,
      fetch,
      now: new Date().toISOString(),
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

  it('dates a revocation by the ledger: readings taken before it still count', async () => {
    // The kit's readings are from May 2026; the revocation is anchored now, long after them.
    const revoked = (await buildChain(hedera, parties, { revokeFirstDevice: true })).bundle;
    const result = await verify(revoked);
    expect(failedLinks(result)).toEqual([]);
    const status = result.checks.find(
      (c) => /^credential:DeviceRegistration:/.test(c.link) && c.detail.startsWith('revoked'),
    );
    expect(status?.detail).toMatch(
      /^revoked on the ledger at \d+\.\d+: the device's readings from then on do not count$/,
    );
    const ledger = result.checks.filter((c) => /^status-list:.*\.ledger$/.test(c.link));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.detail).toMatch(/^2 version\(s\) on the ledger/);
  });

  it("reads status from the newest list the ledger shows before the auditor's clock", async () => {
    const revoked = (await buildChain(hedera, parties, { revokeFirstDevice: true })).bundle;
    // An auditor whose clock is before either version was anchored sees no list on the ledger.
    const result = await verifyTrustChain({
      bundle: revoked,
      mirrorUrl: hedera.network.mirrorRestUrl,
      fetch,
      now: '2026-07-01T00:00:00Z',
      authorities: [parties.authority.did],
    });
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => /^status-list:.*\.ledger$/.test(c.link))?.detail).toMatch(
      /never anchored/,
    );
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

describe('trust chain: a registration revoked before some of its readings', () => {
  it('voids the readings taken from the revocation on, and the figures then differ', async () => {
    // The ledger dates revocations at consensus time (now); the kit's readings are from May 2026, so
    // the rule is shown on the evidence step with a ledger time inside the period.
    const { checkPolicyDocument, verifyEvidence } = await import('../../identity/verify-evidence.ts');
    const vp = bundle.presentation as unknown as { verifiableCredential: EvidenceCredential[] };
    const credentials = vp.verifiableCredential;
    const byType = (t: string) => credentials.filter((c) => (c.type as string[]).includes(t));
    const registration = byType('DeviceRegistration')[0]!;
    const entry = registration.credentialStatus as { statusListCredential: string; statusListIndex: string };
    const device = String(registration.credentialSubject?.id);
    // Revoked halfway through the device's readings.
    const stamps = bundle.documents
      .map((d) => d.document as { device_id?: string; timestamp?: string })
      .filter((d) => d.device_id === device)
      .map((d) => Date.parse(String(d.timestamp)))
      .sort((a, b) => a - b);
    const revokedAt = stamps[Math.floor(stamps.length / 2)]!;
    const evidence = (revokedAtMs?: Map<string, number>) =>
      verifyEvidence(
        {
          bundle,
          trusted: credentials,
          report: byType('MonitoringReport')[0]!,
          issuance: byType('Issuance')[0]!,
          included: new Set(bundle.documents.map((_, i) => i)),
          authorities: [parties.authority.did],
          ...(revokedAtMs ? { revokedAtMs } : {}),
        },
        checkPolicyDocument(bundle).policy!,
      );
    const genuine = evidence();
    expect(genuine.checks.filter((c) => !c.ok)).toEqual([]);

    const revoked = evidence(
      new Map([[`${entry.statusListCredential}#${entry.statusListIndex}`, revokedAt]]),
    );
    const voided = revoked.checks.filter((c) => !c.ok && c.link.endsWith('.registration'));
    expect(voided.length).toBeGreaterThan(0);
    const when = new Date(revokedAt).toISOString();
    for (const c of voided)
      expect(c.detail).toBe(`reading taken after the registration was revoked (${when}, on the ledger)`);
    // Exactly the device's counted readings from the revocation on are voided; the others still count.
    const expected = bundle.documents.filter((d) => {
      const doc = d.document as { device_id?: string; timestamp?: string };
      return (
        doc.device_id === device &&
        (d.status ?? 'APPROVED') === 'APPROVED' &&
        Date.parse(String(doc.timestamp)) >= revokedAt
      );
    }).length;
    expect(voided).toHaveLength(expected);
    expect(revoked.readings!.counted).toBeLessThan(genuine.readings!.counted);
    expect(revoked.checks.find((c) => c.link === 'figure:EG')?.ok).toBe(false);
  });
});
