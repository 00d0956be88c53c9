import { type AnchorMessage, hashDocument } from '../engine/anchoring/index.ts';
import { credentialSubjectSchemas } from '../engine/policy/credential-subject-schemas.ts';
import { createStatusChecker } from './check-credential-status.ts';
import { checkInclusion } from './check-inclusion.ts';
import { checkLedgerControl } from './check-ledger-control.ts';
import { checkPolicyPublication } from './check-policy-publication.ts';
import { readLedgerStatusLists, statusListIdsOf } from './check-status-lists.ts';
import { createDidResolver } from './create-did-resolver.ts';
import { credentialTypeOf, type SubjectSchemas } from './credential-types.ts';
import { createDocumentLoader } from './document-loader.ts';
import type { EvidenceCredential } from './evidence-credential.ts';
import { evidenceSubjectSchemas } from './evidence-subject-schemas.ts';
import { getHederaDidResolver } from './hedera-did-resolver.ts';
import type { Fetch } from './mirror-topic-messages.ts';
import { trustChainChallenge, validateBundleShape } from './trust-chain-bundle.ts';
import { fail, pass, type TrustChainCheck, unusable } from './trust-chain-check.ts';
import { checkAmount, checkCredential } from './trust-chain-credential-checks.ts';
import { checkAnchor, checkMintOnLedger } from './trust-chain-ledger-checks.ts';
import { checkPolicyDocument, type EvidenceResult, verifyEvidence } from './verify-evidence.ts';
import { verifyPresentation } from './verify-presentation.ts';

export interface VerifyTrustChainOptions {
  bundle: unknown;
  /** Mirror node REST base URL: anchors, the mint and did:hedera documents are read from it. */
  mirrorUrl: string;
  fetch: Fetch;
  /** The auditor's clock, for credential validity periods. */
  now: string;
  /** DIDs of accreditation authorities the auditor trusts to name registries and verifiers. */
  authorities?: readonly string[];
}

export interface TrustChainVerdict {
  valid: boolean;
  checks: TrustChainCheck[];
  /** What was recomputed, when the evidence allowed it. */
  readings?: EvidenceResult['readings'];
  figures?: EvidenceResult['figures'];
  /** Not printed: the counted readings, for the check across a token's issuances (check-issuances.ts). */
  countedReadings?: string[];
}

type Credential = EvidenceCredential;

/**
 * Verifies a mint's trust chain using only the bundle, the mirror node and the accreditation
 * authorities the auditor names, assuming the issuer is hostile and holds all its keys: every
 * signature, subject schema (from the published policy, never from the bundle), revocation status,
 * HCS anchor (bytes and running hash), Merkle inclusion, the policy hash throughout; then every
 * reading's device signature and registration, the verification verdicts re-run, every figure
 * recomputed (verify-evidence.ts), and that the issuer's key controls the token and the anchor topics.
 * Each check names the link it tests.
 */
export async function verifyTrustChain(options: VerifyTrustChainOptions): Promise<TrustChainVerdict> {
  const checks: TrustChainCheck[] = [];
  const { bundle } = options;
  if (!validateBundleShape(bundle)) {
    const problems = (validateBundleShape.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    return {
      valid: false,
      checks: [unusable('bundle', `not a v1 trust-chain bundle: ${problems.slice(0, 5).join('; ')}`)],
    };
  }
  checks.push(pass('bundle', 'well-formed v1 trust-chain bundle'));
  // Mirror reads are idempotent GETs: one retry rides over a keep-alive socket the server closed
  // while the verifier was busy recomputing (undici reports that as a network error).
  const retrying: Fetch = (url) => options.fetch(url).catch(() => options.fetch(url));
  const mirror = { mirrorUrl: options.mirrorUrl, fetch: retrying };
  const vp = bundle.presentation as Record<string, unknown>;
  const credentials = (Array.isArray(vp.verifiableCredential) ? vp.verifiableCredential : []) as Credential[];
  // Revocation as the ledger shows it at the auditor's clock, never as the bundle would have it.
  const ledgerLists = await readLedgerStatusLists({
    bundleLists: bundle.statusLists,
    listIds: statusListIdsOf(credentials),
    topicIds: new Set(bundle.anchors.map((a) => a.topicId)),
    mirror,
    nowMs: Date.parse(options.now),
  });
  checks.push(...ledgerLists.checks);
  const documentLoader = createDocumentLoader({
    resolver: createDidResolver(getHederaDidResolver(mirror)),
    documents: ledgerLists.current,
  });

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
  const published = checkPolicyDocument(bundle);
  checks.push(...published.checks);
  const schemas: SubjectSchemas = {
    ...(published.policy ? credentialSubjectSchemas(published.policy) : {}),
    ...evidenceSubjectSchemas,
  };
  const revokedAtMs = new Map<string, number>();
  const statusChecker = createStatusChecker({
    documentLoader,
    revokedAt: async (listId, index) => {
      const at = await ledgerLists.revokedAt(listId, index);
      if (at) revokedAtMs.set(`${listId}#${index}`, at.ms);
      return at;
    },
  });
  const trusted: Credential[] = [];
  for (const [i, credential] of credentials.entries()) {
    const own = await checkCredential(
      credential,
      presented.credentials[i]?.errors ?? ['not verified'],
      schemas,
      statusChecker,
    );
    checks.push(...own);
    if (own.every((c) => c.ok)) trusted.push(credential);
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

  // Anchored documents: Merkle inclusion (failures one by one, passes counted per anchor).
  const inclusion = checkInclusion(bundle, decoded);
  checks.push(...inclusion.checks);
  const included = inclusion.included;

  // The policy's publication anchor precedes everything it judged (check-policy-publication.ts).
  const publication = checkPolicyPublication(bundle, decoded, included);
  checks.push(...publication.checks);

  // The Issuance credential names exactly the anchors in the bundle, the publication's aside.
  const named = new Set(
    ((iss.anchors ?? []) as Array<{ topicId: string; sequenceNumber: number }>).map(
      (a) => `${a.topicId}#${a.sequenceNumber}`,
    ),
  );
  const present = new Set(
    bundle.anchors
      .filter((_, i) => i !== publication.anchorIndex)
      .map((a) => `${a.topicId}#${a.sequenceNumber}`),
  );
  checks.push(
    named.size === present.size && [...named].every((k) => present.has(k))
      ? pass('issuance.anchors', `${named.size} anchor(s) named by the Issuance credential`)
      : fail('issuance.anchors', 'anchors in the bundle differ from those the Issuance credential names'),
  );

  checks.push(...checkAmount(bundle.mint, iss, report));
  checks.push(...(await checkMintOnLedger(bundle.mint, mirror)));
  if (!published.policy) return verdict(checks);
  const evidence = verifyEvidence(
    {
      bundle,
      trusted,
      report: reports[0]!,
      issuance: issuance[0]!,
      included,
      authorities: options.authorities ?? [],
      revokedAtMs,
    },
    published.policy,
  );
  checks.push(...evidence.checks);
  const reportHash = hashDocument(reports[0]);
  const reportItem = bundle.documents.find((d, i) => included.has(i) && d.proof.leafHash === reportHash);
  const reportAnchor = reportItem && bundle.anchors[reportItem.anchor];
  checks.push(
    ...(await checkLedgerControl(
      bundle,
      String(issuance[0]!.issuer),
      reportAnchor ? `${reportAnchor.topicId}#${reportAnchor.sequenceNumber}` : undefined,
      mirror,
    )),
  );
  return {
    ...verdict(checks),
    readings: evidence.readings,
    figures: evidence.figures,
    ...(evidence.countedReadings ? { countedReadings: evidence.countedReadings } : {}),
  };
}

function verdict(checks: TrustChainCheck[]): TrustChainVerdict {
  return { valid: checks.every((c) => c.ok), checks };
}
