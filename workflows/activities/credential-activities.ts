import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import canonicalize from 'canonicalize';
import type { Db } from 'mongodb';
import { type ClaimValue, claimsFor } from '../../engine/policy/credential-claims.ts';
import {
  type CredentialTypeName,
  credentialSubjectSchemas,
} from '../../engine/policy/credential-subject-schemas.ts';
import { PolicyError } from '../../engine/policy/policy-error.ts';
import { IdentityError } from '../../identity/identity-error.ts';
import { issueCredential, type StatusListEntry } from '../../identity/issue-credential.ts';
import type { KeyStore } from '../../identity/key-store.ts';
import { allocateStatusEntry, revokeStatus } from '../../identity/status-list.ts';
import { anchorBatchStore } from '../../store/anchor-batch-store.ts';
import { credentialStore } from '../../store/credential-store.ts';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { actorIssuer, credentialIdFor, orgIssuer, updateStatusList } from './org-issuer.ts';
import { energyOf } from './period-activities.ts';
import { loadProjectContext } from './project-context.ts';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface IssueCredentialInput {
  orgId: string;
  projectId: string;
  type: CredentialTypeName;
  /** Idempotency key of this issuing step (derived from the workflow id and the step). */
  key: string;
  /** The platform fields of the subject (schemas/credential-subjects.schema.json), `id` included. */
  subject: Record<string, unknown>;
  /** What the host knows, by policy field name, for the policy's own `claims`. */
  known: Record<string, ClaimValue>;
  /** DeviceRegistration credentials are revocable (a status list entry, in the issuer's own list). */
  revocable?: boolean;
  /**
   * The principal whose act this credential records signs it with its own DID (the registry that
   * approved a device's registration), not the organization: the auditor accepts a registration only
   * from an accredited registry. Absent: the organization's issuer key.
   */
  issuedBy?: { actorId: string };
  /** Claims that are the SHA-256 (hex, of the JCS form) of a stored credential: field → credential id. */
  hashOf?: Record<string, string>;
  issuedAtMs: number;
}

/** Issuing and revoking the policy's verifiable credentials with the organization's issuer key. */
export function createCredentialActivities(deps: { db: Db; keyStore: KeyStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const ctx = { db: deps.db, keyStore: deps.keyStore, now };
  const credentials = credentialStore(deps.db);

  const activities = {
    /**
     * Issues one credential per key: the subject (platform fields + the policy's claims) is validated
     * against the policy's subject schema, signed (eddsa-rdfc-2022) and stored. A retry returns the
     * stored credential; nothing is signed twice.
     */
    async issuePolicyCredential(input: IssueCredentialInput): Promise<{ credentialId: string }> {
      const scope = issueTenantScope(input.orgId);
      const existing = await credentials.byKey(scope, input.key);
      if (existing) return { credentialId: existing._id };
      const project = await loadProjectContext(deps.db, scope, input.projectId);
      const issuer = input.issuedBy
        ? await actorIssuer(ctx, scope, input.issuedBy.actorId)
        : await orgIssuer(ctx, scope);
      let credentialStatus: StatusListEntry | undefined;
      if (input.revocable) {
        let entry: StatusListEntry | undefined;
        await updateStatusList(
          ctx,
          scope,
          (state) => {
            const allocated = allocateStatusEntry(state);
            entry = allocated.entry;
            return allocated.list;
          },
          issuer.statusListId,
        );
        credentialStatus = entry;
      }
      const id = credentialIdFor(input.orgId, input.key);
      const known = { ...input.known };
      for (const [field, credentialId] of Object.entries(input.hashOf ?? {})) {
        const referenced = await credentials.get(scope, credentialId);
        if (!referenced) throw new Error(`credential ${credentialId} (for ${field}) not found`);
        known[field] = { value: sha256Hex(canonicalize(referenced.credential)!) };
      }
      let credential: Awaited<ReturnType<typeof issueCredential>>;
      try {
        const claims = claimsFor(project.policy.document, input.type, known);
        credential = await issueCredential({
          type: input.type,
          subject: { ...input.subject, ...(claims ? { claims } : {}) },
          subjectSchema: credentialSubjectSchemas(project.policy)[input.type],
          issuer: issuer.did,
          signer: issuer.signer,
          issuedAt: new Date(input.issuedAtMs).toISOString(),
          id,
          credentialStatus,
          documentLoader: issuer.documentLoader,
        });
      } catch (error) {
        // A subject the policy's schema refuses will be refused on every retry.
        if (error instanceof PolicyError || error instanceof IdentityError) {
          throw ApplicationFailure.nonRetryable(error.message, 'CredentialRefused');
        }
        throw error;
      }
      const stored = await credentials.insertOnce(scope, {
        _id: id,
        key: input.key,
        type: input.type,
        projectId: input.projectId,
        subjectId: String(input.subject.id),
        credential,
        issuedAt: new Date(input.issuedAtMs),
      });
      return { credentialId: stored._id };
    },

    /**
     * The VerifiedReadingBatch credential of an anchored batch of readings: its Merkle root, count,
     * period, the energy it carries and how many of its readings carried each finding.
     */
    async issueReadingBatchCredential(input: {
      orgId: string;
      projectId: string;
      batchId: string;
      deviceDid: string;
      period: string;
      periodStart: string;
      policyHash: string;
      issuedAtMs: number;
    }): Promise<{ credentialId: string }> {
      const scope = issueTenantScope(input.orgId);
      const batch = await anchorBatchStore(deps.db).get(scope, input.batchId);
      if (!batch) throw new Error(`anchor batch ${input.batchId} not found`);
      const members = await readingPipelineStore(deps.db).getSettled(scope, batch.members);
      // The energy of the readings the rules approved (a batch holds every verdict): rejected and
      // flagged ones are anchored so an auditor sees them, not counted here.
      const verdictOf = new Map(batch.members.map((id, i) => [id, batch.verdicts?.[i]?.status]));
      const findings: Record<string, number> = {};
      let energyExportMwh = 0;
      let start = '';
      let end = '';
      for (const r of members) {
        for (const rule of new Set(
          (r.findings ?? []).filter((f) => f.severity !== 'info').map((f) => f.rule),
        )) {
          // Rule ids are dotted (`physics.register_delta`); a stored credential's keys may not contain
          // '.' (MongoDB-wire servers such as FerretDB refuse them), so the key uses '/' instead.
          const key = rule.replaceAll('.', '/');
          findings[key] = (findings[key] ?? 0) + 1;
        }
        if ((verdictOf.get(r._id) ?? 'APPROVED') === 'APPROVED')
          energyExportMwh += energyOf(r.documentJson).exportMwh;
        if (!start || r.timestamp < start) start = r.timestamp;
        if (!end || r.timestamp > end) end = r.timestamp;
      }
      energyExportMwh = Number(energyExportMwh.toPrecision(12));
      // Activities run detached from this object, so call through the named object, not `this`.
      return await activities.issuePolicyCredential({
        orgId: input.orgId,
        projectId: input.projectId,
        type: 'VerifiedReadingBatch',
        key: `batch/${input.batchId}`,
        subject: {
          id: `urn:mrv:batch:${batch.root}`,
          deviceId: input.deviceDid,
          merkleRoot: batch.root,
          count: batch.count,
          period: { start: start || input.periodStart, end: end || input.periodStart },
          findings,
          energyExportMwh,
          policyHash: input.policyHash,
        },
        known: {
          merkle_root: { value: batch.root },
          reading_count: { value: batch.count },
          energy_export: { value: energyExportMwh, unit: 'MWh' },
          period_start: { value: start || input.periodStart },
          period_end: { value: end || input.periodStart },
          policy_hash: { value: input.policyHash },
        },
        issuedAtMs: input.issuedAtMs,
      });
    },

    /** Revokes every DeviceRegistration of a device DID (decommissioning); idempotent. */
    async revokeDeviceRegistrations(input: {
      orgId: string;
      deviceDid: string;
    }): Promise<{ revoked: number }> {
      const scope = issueTenantScope(input.orgId);
      const registrations = await credentials.list(scope, {
        type: 'DeviceRegistration',
        subjectId: input.deviceDid,
      });
      let revoked = 0;
      for (const record of registrations) {
        const entry = record.credential.credentialStatus as StatusListEntry | undefined;
        if (!entry) continue;
        // Revoked in the list of whoever issued it (the organization's, or the registry's own).
        await updateStatusList(ctx, scope, (state) => revokeStatus(state, entry), entry.statusListCredential);
        await credentials.markRevoked(scope, record._id);
        revoked += 1;
      }
      return { revoked };
    },
  };
  return activities;
}
