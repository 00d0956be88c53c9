import type { Reading } from '../store/reading-store.ts';

export function readingJson(r: Reading, options: { withDocument?: boolean } = {}) {
  return {
    id: r._id,
    project_id: r.projectId,
    device_id: r.deviceId,
    did: r.did,
    seq: r.seq,
    timestamp: r.timestamp,
    received_at: r.receivedAt.toISOString(),
    status: r.status,
    trust_score: r.trustScore ?? null,
    findings: r.findings ?? [],
    review: r.review
      ? { ...r.review, decidedAt: undefined, decided_at: r.review.decidedAt.toISOString() }
      : null,
    ...(options.withDocument ? { document: JSON.parse(r.documentJson) as unknown } : {}),
  };
}
