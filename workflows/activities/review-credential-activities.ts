import type { Db } from 'mongodb';
import { hashDocument } from '../../engine/anchoring/index.ts';
import { actorParty } from '../../identity/actor-party.ts';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import { createDocumentLoader } from '../../identity/document-loader.ts';
import { evidenceSubjectSchemas } from '../../identity/evidence-subject-schemas.ts';
import { issueCredential } from '../../identity/issue-credential.ts';
import type { KeyStore } from '../../identity/key-store.ts';
import { credentialStore } from '../../store/credential-store.ts';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { credentialIdFor } from './org-issuer.ts';

const documentLoader = createDocumentLoader({ resolver: createDidResolver() });

/**
 * A verifier's decision on a flagged reading as a ReviewDecision credential, signed by the
 * reviewing principal's own DID (actor-party.ts), never by the organization: the trust chain counts a
 * flagged reading only with an approving one from an accredited verifier, issued before the report.
 */
export function createReviewCredentialActivities(deps: { db: Db; keyStore: KeyStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const credentials = credentialStore(deps.db);
  return {
    async issueReviewDecision(input: {
      orgId: string;
      projectId: string;
      readingId: string;
      decision: 'approve' | 'reject';
      reason: string;
      reviewer: { id: string; role: string };
      decidedAtMs: number;
    }): Promise<{ credentialId: string }> {
      const scope = issueTenantScope(input.orgId);
      const key = `review/${input.readingId}`;
      const existing = await credentials.byKey(scope, key);
      if (existing) return { credentialId: existing._id };
      const [reading] = await readingPipelineStore(deps.db).getSettled(scope, [input.readingId]);
      if (!reading) throw new Error(`reading ${input.readingId} not found`);
      const document = JSON.parse(reading.documentJson) as { device_id: string; seq: number };
      // The reading is named by its Merkle leaf hash: the same bytes the anchor commits to.
      const leaf = hashDocument(document);
      const party = await actorParty(
        { keyStore: deps.keyStore, now },
        { orgId: input.orgId, actorId: input.reviewer.id },
      );
      const id = credentialIdFor(input.orgId, key);
      const credential = await issueCredential({
        type: 'ReviewDecision',
        subject: {
          id: `urn:mrv:review:${leaf}`,
          reading: leaf,
          deviceId: document.device_id,
          seq: document.seq,
          decision: input.decision,
          reason: input.reason,
        },
        subjectSchema: evidenceSubjectSchemas.ReviewDecision,
        issuer: party.did,
        signer: party.signer,
        issuedAt: new Date(input.decidedAtMs).toISOString(),
        id,
        documentLoader,
      });
      const stored = await credentials.insertOnce(scope, {
        _id: id,
        key,
        type: 'ReviewDecision',
        projectId: input.projectId,
        subjectId: leaf,
        credential,
        issuedAt: new Date(input.decidedAtMs),
      });
      return { credentialId: stored._id };
    },
  };
}
