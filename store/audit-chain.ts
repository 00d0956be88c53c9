import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The `prevHash` of an organization's first audit record. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** One append-only audit record. `hash` covers every other member, `prevHash` links the chain. */
export interface AuditRecord {
  orgId: string;
  seq: number;
  /** RFC 3339; a string so the hashed bytes do not depend on a driver's Date encoding. */
  at: string;
  /** `key:<id>`, `workflow:<id>` or `system`. */
  actor: string;
  action: string;
  resource?: string;
  requestId?: string;
  status?: number;
  details?: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type AuditContent = Omit<AuditRecord, 'orgId' | 'seq' | 'prevHash' | 'hash'>;

export function hashAuditRecord(record: Omit<AuditRecord, 'hash'>): string {
  const { orgId, seq, at, actor, action, resource, requestId, status, details, prevHash } = record;
  const canonical = canonicalize({
    orgId,
    seq,
    at,
    actor,
    action,
    resource,
    requestId,
    status,
    details,
    prevHash,
  });
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex');
}

export interface AuditChainProblem {
  seq: number;
  problem: 'hash-mismatch' | 'broken-link' | 'missing-record' | 'head-mismatch' | 'truncated';
  message: string;
}

/**
 * Checks one organization's records (sorted by seq) against themselves and the recorded head:
 * an edit changes a hash, a deletion leaves a gap or breaks a link, a deleted tail falls short of
 * the head kept on the organization.
 */
export function verifyAuditChain(
  records: Iterable<Omit<AuditRecord, never>>,
  head?: { seq: number; hash: string },
): AuditChainProblem[] {
  const problems: AuditChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = AUDIT_GENESIS_HASH;
  let last: AuditRecord | undefined;
  for (const record of records) {
    if (record.seq !== expectedSeq) {
      problems.push({
        seq: expectedSeq,
        problem: 'missing-record',
        message: `expected record ${expectedSeq}, found ${record.seq}`,
      });
    }
    if (record.prevHash !== prevHash) {
      problems.push({
        seq: record.seq,
        problem: 'broken-link',
        message: 'prevHash does not match the previous record',
      });
    }
    const { hash, ...content } = record;
    if (hashAuditRecord(content) !== hash) {
      problems.push({
        seq: record.seq,
        problem: 'hash-mismatch',
        message: 'record content does not match its hash',
      });
    }
    prevHash = hash;
    expectedSeq = record.seq + 1;
    last = record;
  }
  if (head) {
    if ((last?.seq ?? 0) < head.seq) {
      problems.push({
        seq: head.seq,
        problem: 'truncated',
        message: `the chain ends at ${last?.seq ?? 0} but the head says ${head.seq}`,
      });
    } else if (last && last.seq === head.seq && last.hash !== head.hash) {
      problems.push({
        seq: head.seq,
        problem: 'head-mismatch',
        message: 'the last record differs from the head',
      });
    }
  }
  return problems;
}
