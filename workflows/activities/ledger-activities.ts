import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from 'mongodb';
import { anchorBatch } from '../../engine/anchoring/anchor-batch.ts';
import { hashDocument } from '../../engine/anchoring/hash-document.ts';
import {
  POLICY_PUBLICATION_PERIOD,
  policyPublicationDocument,
} from '../../engine/anchoring/policy-publication.ts';
import { statusListAnchorPeriod } from '../../engine/anchoring/status-list-anchor.ts';
import { ledgerKeyOfDid } from '../../identity/issuer-ledger-key.ts';
import type { KeyStore } from '../../identity/key-store.ts';
import type { HederaLedger } from '../../ledger/hedera-ledger.ts';
import {
  type AnchoredVerdict,
  anchorBatchStore,
  policyPublicationBatchId,
} from '../../store/anchor-batch-store.ts';
import { credentialStore } from '../../store/credential-store.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import { policyStore } from '../../store/policy-store.ts';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { statusListAnchorStore } from '../../store/status-list-anchor-store.ts';
import { issueTenantScope, type TenantScope } from '../../store/tenant-scope.ts';
import { heartbeatWhile } from './heartbeat.ts';
import { ledgerCall } from './ledger-failure.ts';
import { orgIssuer } from './org-issuer.ts';
import { loadProjectContext } from './project-context.ts';

export interface AnchorRef {
  batchId: string;
  topicId: string;
  sequenceNumber: number;
}

/**
 * One ledger call: heartbeats while the adapter works (it may retry and reconcile for minutes; the
 * details name the step), and final outcomes become non-retryable failures.
 */
function ledgerStep<T>(details: Record<string, unknown>, call: () => Promise<T>): Promise<T> {
  return heartbeatWhile(
    () => details,
    () => ledgerCall(call),
  );
}

/**
 * Ledger keys are per organization (the adapter scopes them by orgId). The anchor topic and the
 * tokens are controlled by the issuer key, and their keys name it: an organization whose topic or
 * token predates that (operator-controlled) gets a new one on first use.
 */
/** A status list belongs to no policy; its anchor message states this placeholder where a policy hash goes. */
const STATUS_LIST_POLICY_HASH = `none:${'0'.repeat(64)}`;

const anchorTopicKey = (controlKey: string) => `topic/anchors/${controlKey.slice(0, 16)}`;
const tokenKey = (projectId: string, controlKey: string) => `token/${projectId}/${controlKey.slice(0, 16)}`;

/**
 * Activities with a Hedera side effect: anchoring (one HCS message per Merkle batch) and minting.
 * Each passes an idempotency key to the exactly-once ledger adapter, so a retried or replayed
 * activity never submits twice. They run on the ledger task queue, heartbeat while the adapter
 * works (it may retry and reconcile for minutes), and report final ledger outcomes as
 * non-retryable failures (see ledger-failure.ts).
 */
export function createLedgerActivities(deps: {
  db: Db;
  ledger: HederaLedger;
  keyStore: KeyStore;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  /** The issuer DID's key: submit key of the anchor topic, supply key of the tokens, co-signer of both. */
  const controlKeyOf = async (scope: TenantScope) =>
    ledgerKeyOfDid((await orgIssuer({ db: deps.db, keyStore: deps.keyStore, now }, scope)).did);
  const batches = anchorBatchStore(deps.db);
  const readings = readingPipelineStore(deps.db);
  const credentials = credentialStore(deps.db);
  const statusAnchors = statusListAnchorStore(deps.db);

  async function anchorDocuments(
    scope: TenantScope,
    input: {
      batchId: string;
      projectId?: string;
      kind: 'readings' | 'credential' | 'policy' | 'status-list';
      members: string[];
      documents: unknown[];
      verdicts?: (AnchoredVerdict | null)[];
      policyHash: string;
      period: string;
    },
  ): Promise<AnchorRef> {
    const existing = await batches.get(scope, input.batchId);
    if (existing)
      return { batchId: existing._id, topicId: existing.topicId, sequenceNumber: existing.sequenceNumber };
    const batch = anchorBatch({
      documents: input.documents,
      policyHash: input.policyHash,
      period: input.period,
    });
    const controlKey = await controlKeyOf(scope);
    const { topicId } = await ledgerStep({ step: 'ensureTopic', batchId: input.batchId }, () =>
      deps.ledger.ensureTopic({
        orgId: scope.orgId,
        idempotencyKey: anchorTopicKey(controlKey),
        topicMemo: 'hydro-mrv anchors',
        restrictSubmit: true,
        controlKey,
      }),
    );
    const message = await ledgerStep({ step: 'submitMessage', batchId: input.batchId }, () =>
      deps.ledger.submitMessage({
        orgId: scope.orgId,
        idempotencyKey: `anchor/${input.batchId}`,
        topicId,
        message: batch.message,
        controlKey,
      }),
    );
    const stored = await batches.insertOnce(scope, {
      _id: input.batchId,
      ...(input.projectId ? { projectId: input.projectId } : {}),
      kind: input.kind,
      members: input.members,
      ...(input.verdicts ? { verdicts: input.verdicts } : {}),
      root: batch.root,
      count: batch.count,
      topicId,
      sequenceNumber: message.sequenceNumber,
      consensusTimestamp: message.consensusTimestamp,
      transactionId: message.transactionId,
      proofs: batch.proofs as unknown as Record<string, unknown>[],
      createdAt: now(),
    });
    return { batchId: stored._id, topicId: stored.topicId, sequenceNumber: stored.sequenceNumber };
  }

  return {
    /**
     * Anchors readings (the signed telemetry documents) as one Merkle batch, each with the verdict it
     * was given (`verdicts`, same order as `readingIds`; `null` for one anchored once approved): every
     * accepted reading is anchored, and the batch record keeps what the trust chain states about it.
     */
    async anchorReadings(input: {
      orgId: string;
      projectId: string;
      batchId: string;
      readingIds: string[];
      verdicts?: (AnchoredVerdict | null)[];
      period: string;
      policyHash: string;
    }): Promise<AnchorRef & { root: string; count: number }> {
      const scope = issueTenantScope(input.orgId);
      const found = await readings.getSettled(scope, input.readingIds);
      const byId = new Map(found.map((r) => [r._id, r]));
      const kept = input.readingIds.flatMap((id, i) => (byId.has(id) ? [i] : []));
      const members = kept.map((i) => input.readingIds[i]!);
      const documents = members.map((id) => JSON.parse(byId.get(id)!.documentJson) as unknown);
      const verdicts = input.verdicts ? kept.map((i) => input.verdicts![i] ?? null) : undefined;
      const ref = await anchorDocuments(scope, {
        ...input,
        kind: 'readings',
        members,
        documents,
        ...(verdicts ? { verdicts } : {}),
      });
      const batch = (await batches.get(scope, ref.batchId))!;
      return { ...ref, root: batch.root, count: batch.count };
    },

    /** Anchors one credential as a Merkle batch of one (the same message format as reading batches). */
    async anchorCredential(input: {
      orgId: string;
      projectId: string;
      credentialId: string;
      batchId: string;
      period: string;
      policyHash: string;
    }): Promise<AnchorRef> {
      const scope = issueTenantScope(input.orgId);
      const record = await credentials.get(scope, input.credentialId);
      if (!record) throw new Error(`credential ${input.credentialId} not found`);
      const ref = await anchorDocuments(scope, {
        ...input,
        kind: 'credential',
        members: [record._id],
        documents: [record.credential],
      });
      await credentials.setAnchor(scope, record._id, ref);
      return ref;
    },

    /**
     * Anchors a published policy version (engine/anchoring policy-publication.ts) on the anchor topic,
     * once: its consensus time is what proves the rules predate the readings judged by them.
     */
    async anchorPolicyPublication(input: { orgId: string; policyVersionId: string }): Promise<AnchorRef> {
      const scope = issueTenantScope(input.orgId);
      const version = await policyStore(deps.db).getVersion(scope, input.policyVersionId);
      if (!version)
        throw ApplicationFailure.nonRetryable(`no policy version ${input.policyVersionId}`, 'PolicyNotFound');
      return await anchorDocuments(scope, {
        batchId: policyPublicationBatchId(version._id),
        kind: 'policy',
        members: [version._id],
        documents: [policyPublicationDocument(version)],
        policyHash: version.hash,
        period: POLICY_PUBLICATION_PERIOD,
      });
    },

    /**
     * Anchors each of the organization's status lists whose revocations the ledger does not show yet
     * (a batch of one per list and set of revoked indexes, tagged by list id), so an auditor reads
     * revocation — and when it happened — from the ledger, not from a bundle. Idempotent: a version
     * already anchored is skipped, and the version chosen is stored before it is anchored.
     */
    async anchorStatusLists(input: { orgId: string }): Promise<{ anchored: number }> {
      const scope = issueTenantScope(input.orgId);
      let anchored = 0;
      for (const list of await credentials.listStatusLists(scope)) {
        if (!list.credential) continue;
        const revokedKey = list.state.revoked.join(',');
        const batchId = `${input.orgId}/status-list/${hashDocument({ list: list._id, revoked: revokedKey })}`;
        if (await batches.get(scope, batchId)) continue;
        const version = await statusAnchors.insertOnce(scope, {
          _id: batchId,
          listId: list._id,
          revokedKey,
          credential: list.credential,
          createdAt: now(),
        });
        await anchorDocuments(scope, {
          batchId,
          kind: 'status-list',
          members: [list._id],
          documents: [version.credential],
          policyHash: STATUS_LIST_POLICY_HASH,
          period: statusListAnchorPeriod(list._id),
        });
        anchored += 1;
      }
      return { anchored };
    },

    /** Records which VerifiedReadingBatch credential describes an anchored readings batch. */
    async linkBatchCredential(input: {
      orgId: string;
      batchId: string;
      credentialId: string;
    }): Promise<void> {
      await batches.setCredential(issueTenantScope(input.orgId), input.batchId, input.credentialId);
    },

    /**
     * Mints a period's tokens exactly once (ledger idempotency key from the period workflow). The
     * project's token is created on first use; its memo and the mint memo point at the anchors.
     */
    async mintForPeriod(input: {
      orgId: string;
      projectId: string;
      period: string;
      amount: string;
      key: string;
      memo: string;
    }): Promise<{
      tokenId: string;
      transactionId: string;
      amount: string;
      decimals: number;
      newTotalSupply?: string;
    }> {
      const scope = issueTenantScope(input.orgId);
      const project = await loadProjectContext(deps.db, scope, input.projectId);
      const token = project.policy.document.methodology.token;
      const controlKey = await controlKeyOf(scope);
      const { tokenId } = await ledgerStep({ step: 'createToken', key: input.key }, () =>
        deps.ledger.createToken({
          orgId: input.orgId,
          idempotencyKey: tokenKey(input.projectId, controlKey),
          controlKey,
          name: `${token.name} ${project.project.plantId}`.slice(0, 100),
          symbol: token.symbol,
          decimals: token.decimals,
          initialSupply: '0',
          tokenMemo: `hydro-mrv ${input.projectId}`,
        }),
      );
      const minted = await ledgerStep({ step: 'mint', key: input.key }, () =>
        deps.ledger.mint({
          orgId: input.orgId,
          idempotencyKey: input.key,
          tokenId,
          amount: input.amount,
          memo: input.memo,
          controlKey,
        }),
      );
      await issuanceStore(deps.db).recordMint(scope, {
        _id: `${input.projectId}/${input.period}`,
        tokenId,
        issuanceId: `${input.projectId}/${input.period}`,
        amount: Number(input.amount),
        transactionId: minted.transactionId,
        memo: input.memo,
        status: 'minted',
        createdAt: now(),
      });
      return {
        tokenId,
        transactionId: minted.transactionId,
        amount: minted.amount,
        decimals: token.decimals,
        newTotalSupply: minted.newTotalSupply,
      };
    },
  };
}
