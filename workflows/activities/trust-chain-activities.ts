import type { Db } from 'mongodb';
import type { InclusionProof } from '../../engine/anchoring/inclusion-proof.ts';
import { policyPublicationDocument } from '../../engine/anchoring/policy-publication.ts';
import { credentialSubjectSchemas } from '../../engine/policy/credential-subject-schemas.ts';
import { assembleTrustChain } from '../../identity/assemble-trust-chain.ts';
import { statusListIdsOf } from '../../identity/check-status-lists.ts';
import type { VerifiableCredential } from '../../identity/issue-credential.ts';
import type { KeyStore } from '../../identity/key-store.ts';
import type { MirrorRestTopicMessage } from '../../identity/mirror-topic-messages.ts';
import { anchorBatchStore, policyPublicationBatchId } from '../../store/anchor-batch-store.ts';
import { credentialStore } from '../../store/credential-store.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import { policyStore } from '../../store/policy-store.ts';
import { publicDocumentStore } from '../../store/public-document-store.ts';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { statusListAnchorStore } from '../../store/status-list-anchor-store.ts';
import { issueTenantScope, type TenantScope } from '../../store/tenant-scope.ts';
import { heartbeatWhile } from './heartbeat.ts';
import { orgIssuer } from './org-issuer.ts';
import type { PeriodReview } from './period-activities.ts';
import { loadProjectContext } from './project-context.ts';
import { readingClaim, reviewsByLeaf } from './reading-claim.ts';

async function mirrorMessage(
  mirrorUrl: string,
  topicId: string,
  sequenceNumber: number,
): Promise<MirrorRestTopicMessage> {
  const res = await fetch(`${mirrorUrl}/api/v1/topics/${topicId}/messages/${sequenceNumber}`, {
    signal: AbortSignal.timeout(10_000),
  });
  // Not yet ingested by the mirror node: fail, and Temporal retries the activity with backoff.
  if (!res.ok) throw new Error(`mirror node answered ${res.status} for ${topicId}#${sequenceNumber}`);
  return (await res.json()) as MirrorRestTopicMessage;
}

interface TrustChainInput {
  orgId: string;
  projectId: string;
  period: string;
  status: string;
  mint: { tokenId: string; decimals: number; amount: string; transactionId: string };
  issuanceCredentialId: string;
  reportCredentialId: string;
  batchIds: string[];
  reportBatchId: string;
  policyHash: string;
  createdAtMs: number;
  /** The reviews the period counted by (absent in periods computed before verdicts were anchored). */
  reviews?: PeriodReview[];
}

/**
 * Assembles a mint's trust-chain bundle (identity/assemble-trust-chain.ts) from what the workflows
 * stored and what the mirror node publishes, and keeps it with the issuance for the API to serve.
 */
export function createTrustChainActivities(deps: {
  db: Db;
  keyStore: KeyStore;
  mirrorUrl: string;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const credentials = credentialStore(deps.db);
  const batches = anchorBatchStore(deps.db);
  const readings = readingPipelineStore(deps.db);
  const publicDocuments = publicDocumentStore(deps.db);
  const statusAnchors = statusListAnchorStore(deps.db);

  /**
   * The status lists the bundle's credentials point at (the organization's and each registry
   * principal's own: a registration is revocable only in the list of the DID that signed it), in
   * every version anchored on the ledger: the auditor requires them all and reads status from the
   * newest (identity/check-status-lists.ts). A list never anchored ships as it stands (and fails there).
   */
  async function statusListsOf(
    scope: TenantScope,
    always: string[],
    bundled: VerifiableCredential[],
  ): Promise<VerifiableCredential[]> {
    const ids = new Set([...always, ...statusListIdsOf(bundled)]);
    const lists: VerifiableCredential[] = [];
    for (const id of ids) {
      const anchored: VerifiableCredential[] = [];
      for (const version of await statusAnchors.versionsOf(scope, id)) {
        if (await batches.get(scope, version._id)) anchored.push(version.credential as VerifiableCredential);
      }
      if (anchored.length > 0) lists.push(...anchored);
      else {
        const record = await credentials.getStatusList(scope, id);
        if (record?.credential) lists.push(record.credential as VerifiableCredential);
      }
    }
    return lists;
  }

  /** Reads every anchor back from the mirror, assembles and signs the bundle, and stores it. */
  async function storeBundle(
    input: TrustChainInput,
    progress: { step: string; anchors: number },
  ): Promise<{ documents: number; anchors: number }> {
    const scope = issueTenantScope(input.orgId);
    const anchors: MirrorRestTopicMessage[] = [];
    const credential = async (id: string) => {
      const record = await credentials.get(scope, id);
      if (!record) throw new Error(`credential ${id} not found`);
      return record.credential as VerifiableCredential;
    };
    const documents: Parameters<typeof assembleTrustChain>[0]['documents'] = [];
    // Verifiers' decisions on flagged readings, by reading: as the period counted them, or (a period
    // computed before it recorded them) every decision by the project's verifiers.
    const reviews = await credentials.list(scope, { type: 'ReviewDecision', projectId: input.projectId });
    const decided = input.reviews ? new Map(input.reviews.map((r) => [r.readingId, r.decision])) : undefined;
    const reviewOf = reviewsByLeaf(reviews);
    const readingBatches: VerifiableCredential[] = [];
    const devices = new Set<string>();
    const leaves = new Set<string>();
    let reportRoot: string | undefined;
    const ctx = await loadProjectContext(deps.db, scope, input.projectId);
    const published = await policyStore(deps.db).getVersion(scope, ctx.project.policy.versionId);
    // The policy's publication anchor comes first: the auditor checks that its consensus time
    // precedes the readings'.
    const publication = policyPublicationBatchId(ctx.project.policy.versionId);
    for (const batchId of [publication, ...input.batchIds, input.reportBatchId]) {
      const batch = await batches.get(scope, batchId);
      // A version published before publications were anchored has none (its chain fails policy.published).
      if (!batch && batchId === publication) continue;
      if (!batch) throw new Error(`anchor batch ${batchId} not found`);
      if (batchId === input.reportBatchId) reportRoot = batch.root;
      anchors.push(await mirrorMessage(deps.mirrorUrl, batch.topicId, batch.sequenceNumber));
      progress.anchors = anchors.length;
      const where = { topicId: batch.topicId, sequenceNumber: batch.sequenceNumber };
      if (batch.kind === 'readings') {
        if (batch.credentialId) readingBatches.push(await credential(batch.credentialId));
        const members = new Map((await readings.getMany(scope, batch.members)).map((r) => [r._id, r]));
        batch.members.forEach((id, i) => {
          const reading = members.get(id);
          if (!reading) return;
          const leaf = String(batch.proofs[i]?.leafHash);
          devices.add(reading.did);
          leaves.add(leaf);
          // Every reading's verdict, so an auditor sees what was left out and why (reading-claim.ts).
          const verdict = batch.verdicts?.[i];
          const review = decided ? decided.get(id) : reviewOf.get(leaf)?.decision;
          const status = verdict ? readingClaim({ verdict, review, status: reading.status }) : undefined;
          documents.push({
            document: JSON.parse(reading.documentJson),
            proof: batch.proofs[i] as unknown as InclusionProof,
            ...where,
            ...(status ? { status } : {}),
            ...(verdict ? { verifiedAt: verdict.verifiedAt } : {}),
          });
        });
      } else if (batch.kind === 'policy') {
        if (!published) throw new Error(`policy version ${batch.members[0]} not found`);
        documents.push({
          document: policyPublicationDocument(published),
          proof: batch.proofs[0] as unknown as InclusionProof,
          ...where,
        });
      } else {
        documents.push({
          document: await credential(batch.members[0]!),
          proof: batch.proofs[0] as unknown as InclusionProof,
          ...where,
        });
      }
    }
    const registrations: VerifiableCredential[] = [];
    // Approved meter calibrations shape verdicts (calibration.overdue, accuracy allowances): the
    // auditor's re-run applies them, so they travel with the chain.
    const calibrations: VerifiableCredential[] = [];
    for (const did of devices) {
      for (const r of await credentials.list(scope, { type: 'DeviceRegistration', subjectId: did })) {
        registrations.push(r.credential as VerifiableCredential);
      }
      for (const c of await credentials.list(scope, { type: 'MeterCalibration', subjectId: did })) {
        calibrations.push(c.credential as VerifiableCredential);
      }
    }
    // Verifier-signed reviews of the anchored readings: what lets a flagged reading count.
    // and the authority's accreditations of the organization's registries and verifiers.
    const evidence = [
      ...(await credentials.list(scope, { type: 'RoleAccreditation' })),
      // The registry's versions of the plant: the auditor recomputes from the one in force.
      ...(await credentials.list(scope, { type: 'ProjectRegistration', projectId: input.projectId })),
      ...reviews.filter((r) => leaves.has(r.subjectId)),
    ].map((r) => r.credential as VerifiableCredential);
    progress.step = 'assemble';
    const issuer = await orgIssuer({ db: deps.db, keyStore: deps.keyStore, now }, scope);
    const statusLists = await statusListsOf(scope, [issuer.statusListId], [...registrations, ...evidence]);
    const bundle = await assembleTrustChain({
      mint: input.mint,
      policyHash: input.policyHash,
      // The exact published policy text: the auditor recomputes everything with it (its hash is anchored).
      ...(published ? { policy: published.source } : {}),
      credentialSchemas: credentialSubjectSchemas(ctx.policy),
      issuance: await credential(input.issuanceCredentialId),
      monitoringReport: await credential(input.reportCredentialId),
      readingBatches,
      deviceRegistrations: registrations,
      evidence: [...evidence, ...calibrations],
      statusLists,
      anchors,
      documents,
      holder: issuer.did,
      signer: issuer.signer,
      presentationId: `urn:mrv:trust-chain:${input.orgId}:${input.projectId}:${input.period}`,
      createdAt: new Date(input.createdAtMs).toISOString(),
      documentLoader: issuer.documentLoader,
    });
    const issuanceId = `${input.projectId}/${input.period}`;
    await issuanceStore(deps.db).upsertIssuance(scope, {
      _id: issuanceId,
      projectId: input.projectId,
      period: input.period,
      status: input.status,
      tokenId: input.mint.tokenId,
      amount: Number(input.mint.amount),
      monitoringReport: (await credential(input.reportCredentialId)) as Record<string, unknown>,
      issuanceCredential: (await credential(input.issuanceCredentialId)) as Record<string, unknown>,
      // Stored as JSON text: the bundle carries JSON Schemas whose `$schema`/`$ref` keys MongoDB refuses.
      trustChainJson: JSON.stringify(bundle),
      updatedAt: now(),
    });
    // Published under the root the mint's memo leads to: `mrv chain verify --token` fetches it there.
    if (reportRoot) await publicDocuments.publish(scope, reportRoot, issuanceId, now());
    return { documents: documents.length, anchors: anchors.length };
  }

  return {
    async storeTrustChain(input: TrustChainInput): Promise<{ documents: number; anchors: number }> {
      // One mirror read per anchor batch, then signing: heartbeat so a dead worker is noticed early.
      const progress = { step: 'anchors', anchors: 0 };
      return await heartbeatWhile(
        () => progress,
        () => storeBundle(input, progress),
      );
    },
  };
}
