import { type AnchorMessage, verifyInclusion } from '../engine/anchoring/index.ts';
import { createStatusChecker } from './check-credential-status.ts';
import { createDidResolver } from './create-did-resolver.ts';
import { credentialTypeOf, type SubjectSchemas } from './credential-types.ts';
import { createDocumentLoader } from './document-loader.ts';
import { floorScaled } from './floor-scaled.ts';
import { getHederaDidResolver } from './hedera-did-resolver.ts';
import type { Fetch } from './mirror-topic-messages.ts';
import { type TrustChainBundle, trustChainChallenge, validateBundleShape } from './trust-chain-bundle.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';
import { checkAnchor, checkMintOnLedger } from './trust-chain-ledger-checks.ts';
import { validateSubject } from './validate-subject.ts';
import { verifyPresentation } from './verify-presentation.ts';

export interface VerifyTrustChainOptions {
  bundle: unknown;
  /** Mirror node REST base URL: anchors, the mint and did:hedera documents are read from it. */
  mirrorUrl: string;
  fetch: Fetch;
  /** The auditor's clock, for credential validity periods. */
  now: string;
}

export interface TrustChainVerdict {
  valid: boolean;
  checks: TrustChainCheck[];
}

type Subject = Record<string, unknown>;
type Credential = {
  id?: unknown;
  type?: unknown;
  issuer?: unknown;
  credentialSubject?: Subject;
  credentialStatus?: unknown;
};

/**
 * Verifies a mint's trust chain using only the bundle and the mirror node: every signature, subject
 * schema, revocation status, HCS anchor (bytes and running hash), Merkle inclusion, the policy hash
 * throughout, and that the minted amount is floor(ER × 10^decimals). Each check names the link it tests.
 */
export async function verifyTrustChain(options: VerifyTrustChainOptions): Promise<TrustChainVerdict> {
  const checks: TrustChainCheck[] = [];
  const { bundle } = options;
  if (!validateBundleShape(bundle)) {
    const problems = (validateBundleShape.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    return {
      valid: false,
      checks: [fail('bundle', `not a v1 trust-chain bundle: ${problems.slice(0, 5).join('; ')}`)],
    };
  }
  checks.push(pass('bundle', 'well-formed v1 trust-chain bundle'));
  const mirror = { mirrorUrl: options.mirrorUrl, fetch: options.fetch };
  const documentLoader = createDocumentLoader({
    resolver: createDidResolver(getHederaDidResolver(mirror)),
    documents: new Map(bundle.statusLists.map((l) => [String(l.id), l])),
  });
  const vp = bundle.presentation as Record<string, unknown>;

  const presented = await verifyPresentation({
    presentation: vp,
    challenge: trustChainChallenge(bundle.mint),
    documentLoader,
    now: options.now,
    checkStatus: false,
  });
  checks.push(
    presented.proofErrors.length === 0
      ? pass('presentation.signature', `signed by ${String(vp.holder)} for this mint`)
      : fail('presentation.signature', presented.proofErrors.join('; ')),
  );
  const schemas = (vp.credentialSchemas ?? {}) as SubjectSchemas;
  const credentials = (Array.isArray(vp.verifiableCredential) ? vp.verifiableCredential : []) as Credential[];
  const statusChecker = createStatusChecker({ documentLoader });
  for (const [i, credential] of credentials.entries()) {
    checks.push(
      ...(await checkCredential(
        credential,
        presented.credentials[i]?.errors ?? ['not verified'],
        schemas,
        statusChecker,
      )),
    );
  }

  const byType = (type: string) => credentials.filter((c) => credentialTypeOf(c) === type);
  const issuance = byType('Issuance');
  const reports = byType('MonitoringReport');
  const batches = byType('VerifiedReadingBatch');
  const registrations = byType('DeviceRegistration');
  const cardinality = issuance.length === 1 && reports.length === 1 && batches.length >= 1;
  checks.push(
    cardinality
      ? pass(
          'presentation.contents',
          `1 Issuance, 1 MonitoringReport, ${batches.length} batch(es), ${registrations.length} device registration(s)`,
        )
      : fail(
          'presentation.contents',
          'needs exactly one Issuance, one MonitoringReport and at least one VerifiedReadingBatch',
        ),
  );
  if (!cardinality) return verdict(checks);
  const iss = issuance[0]!.credentialSubject ?? {};
  const report = reports[0]!.credentialSubject ?? {};

  checks.push(
    vp.holder === issuance[0]!.issuer
      ? pass('presentation.holder', 'holder is the issuer of the Issuance credential')
      : fail('presentation.holder', `holder ${String(vp.holder)} did not issue the Issuance credential`),
  );

  // Anchors on the ledger.
  const decoded: Array<AnchorMessage | undefined> = [];
  for (const anchor of bundle.anchors) {
    const result = await checkAnchor(anchor, mirror);
    checks.push(...result.checks);
    decoded.push(result.checks.every((c) => c.ok) ? result.decoded : undefined);
  }

  // Policy hash, everywhere it is stated.
  const policyHolders: Array<[string, unknown]> = [
    ['presentation', vp.policyHash],
    ['MonitoringReport', report.policyHash],
    ['Issuance', iss.policyHash],
    ...bundle.anchors.map((a, i): [string, unknown] => [
      `anchor:${a.topicId}#${a.sequenceNumber}`,
      decoded[i]?.policyHash,
    ]),
  ];
  const policyMismatch = policyHolders
    .filter(([, hash]) => hash !== bundle.policyHash)
    .map(([where]) => where);
  checks.push(
    policyMismatch.length === 0
      ? pass('policy', `policy hash ${bundle.policyHash} stated consistently`)
      : fail('policy', `policy hash differs in: ${policyMismatch.join(', ')}`),
  );

  // The Issuance credential names exactly the anchors in the bundle.
  const named = new Set(
    ((iss.anchors ?? []) as Array<{ topicId: string; sequenceNumber: number }>).map(
      (a) => `${a.topicId}#${a.sequenceNumber}`,
    ),
  );
  const present = new Set(bundle.anchors.map((a) => `${a.topicId}#${a.sequenceNumber}`));
  checks.push(
    named.size === present.size && [...named].every((k) => present.has(k))
      ? pass('issuance.anchors', `${named.size} anchor(s) named by the Issuance credential`)
      : fail('issuance.anchors', 'anchors in the bundle differ from those the Issuance credential names'),
  );

  // Each reading batch credential matches an anchored Merkle root.
  for (const batch of batches) {
    const s = batch.credentialSubject ?? {};
    const anchored = decoded.some((d) => d && d.root === s.merkleRoot && d.count === s.count);
    checks.push(
      anchored
        ? pass(
            `credential:VerifiedReadingBatch:${String(batch.id)}.anchor`,
            `root ${String(s.merkleRoot).slice(0, 12)}… anchored`,
          )
        : fail(
            `credential:VerifiedReadingBatch:${String(batch.id)}.anchor`,
            'Merkle root and count match no anchor',
          ),
    );
  }

  // Anchored documents: Merkle inclusion, and readings come from registered devices.
  const devices = new Set(registrations.map((r) => r.credentialSubject?.id));
  for (const [j, item] of bundle.documents.entries()) {
    const anchor = bundle.anchors[item.anchor];
    const result = anchor
      ? verifyInclusion(item.proof, { message: anchor.message }, { document: item.document })
      : ({ valid: false, reason: 'MALFORMED_PROOF', detail: 'no such anchor' } as const);
    checks.push(
      result.valid
        ? pass(
            `document:${j}.inclusion`,
            `leaf ${item.proof.leafIndex} of ${item.proof.treeSize} in anchor ${item.anchor}`,
          )
        : fail(`document:${j}.inclusion`, `${result.reason}: ${result.detail}`),
    );
    const device = (item.document as { device_id?: unknown } | null)?.device_id;
    if (device !== undefined) {
      checks.push(
        devices.has(device)
          ? pass(`document:${j}.device`, `from registered device ${String(device).slice(0, 32)}…`)
          : fail(
              `document:${j}.device`,
              `device ${String(device).slice(0, 60)} has no registration credential`,
            ),
      );
    }
  }

  checks.push(...checkAmount(bundle.mint, iss, report));
  checks.push(...(await checkMintOnLedger(bundle.mint, mirror)));
  return verdict(checks);
}

async function checkCredential(
  credential: Credential,
  proofErrors: string[],
  schemas: SubjectSchemas,
  statusChecker: ReturnType<typeof createStatusChecker>,
): Promise<TrustChainCheck[]> {
  const type = credentialTypeOf(credential);
  const link = `credential:${type ?? 'unknown'}:${String(credential?.id)}`;
  const out: TrustChainCheck[] = [
    proofErrors.length === 0
      ? pass(`${link}.signature`, `signed by ${String(credential.issuer)}`)
      : fail(`${link}.signature`, proofErrors.join('; ')),
  ];
  const schema = type ? schemas[type] : undefined;
  if (!schema) out.push(fail(`${link}.schema`, 'the presentation carries no subject schema for this type'));
  else {
    try {
      validateSubject(credential.credentialSubject, schema);
      out.push(pass(`${link}.schema`, 'subject matches the policy schema'));
    } catch (error) {
      out.push(fail(`${link}.schema`, (error as Error).message));
    }
  }
  if (credential.credentialStatus === undefined) {
    out.push(
      type === 'DeviceRegistration'
        ? fail(`${link}.status`, 'a device registration must be revocable (no credentialStatus)')
        : pass(`${link}.status`, 'not revocable'),
    );
  } else {
    const status = (await statusChecker({ credential: credential as Record<string, unknown> })) as {
      verified: boolean;
      revoked?: boolean;
      error?: Error;
    };
    out.push(
      status.verified
        ? pass(`${link}.status`, 'not revoked')
        : fail(
            `${link}.status`,
            status.revoked
              ? 'REVOKED by its issuer'
              : `status unknown: ${status.error?.message ?? 'unverifiable'}`,
          ),
    );
  }
  return out;
}

function checkAmount(mint: TrustChainBundle['mint'], iss: Subject, report: Subject): TrustChainCheck[] {
  const out: TrustChainCheck[] = [];
  const same =
    iss.tokenId === mint.tokenId &&
    iss.mintTransactionId === mint.transactionId &&
    iss.decimals === mint.decimals &&
    iss.amount === mint.amount;
  out.push(
    same
      ? pass('mint:fields', 'token, transaction, decimals and amount match the Issuance credential')
      : fail('mint:fields', 'bundle mint differs from the Issuance credential'),
  );
  try {
    const expected = floorScaled(Number(report.erTco2e), Number(iss.decimals));
    out.push(
      typeof report.erTco2e === 'number' && expected === BigInt(String(iss.amount))
        ? pass(
            'mint:amount',
            `${String(iss.amount)} = floor(ER ${report.erTco2e} × 10^${String(iss.decimals)})`,
          )
        : fail(
            'mint:amount',
            `Issuance amount ${String(iss.amount)} ≠ floor(ER ${String(report.erTco2e)} × 10^${String(iss.decimals)}) = ${expected}`,
          ),
    );
  } catch (error) {
    out.push(fail('mint:amount', `cannot compute the expected amount: ${(error as Error).message}`));
  }
  return out;
}

function verdict(checks: TrustChainCheck[]): TrustChainVerdict {
  return { valid: checks.every((c) => c.ok), checks };
}
