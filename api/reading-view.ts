import type { Reading } from '../store/reading-store.ts';
import { dateTimeSchema, idSchema } from './api-schemas.ts';
import { namedSchema } from './openapi/named-schema.ts';

export const readingStatusSchema = namedSchema('ReadingStatus', {
  enum: ['RECEIVED', 'APPROVED', 'FLAGGED', 'REJECTED'],
});

export const findingSchema = namedSchema('Finding', {
  type: 'object',
  description: 'Why a rule passed or failed: rule id, measured value, limit and unit',
  properties: {
    rule: { type: 'string' },
    severity: { type: 'string' },
    message: { type: 'string' },
    measured: { type: 'number' },
    limit: { type: 'number' },
    unit: { type: 'string' },
  },
  required: ['rule', 'severity', 'message'],
});

export const readingReviewSchema = namedSchema('ReadingReview', {
  type: 'object',
  properties: {
    decision: { enum: ['approve', 'reject'] },
    reason: { type: 'string' },
    reviewer: { type: 'string' },
    decided_at: dateTimeSchema,
  },
  required: ['decision', 'reason', 'reviewer', 'decided_at'],
});

export const readingSchema = namedSchema('Reading', {
  type: 'object',
  properties: {
    id: idSchema('rdg'),
    project_id: idSchema('prj'),
    device_id: idSchema('dev'),
    did: { type: 'string' },
    seq: { type: 'integer' },
    timestamp: { type: 'string' },
    received_at: dateTimeSchema,
    status: readingStatusSchema,
    trust_score: { type: ['number', 'null'] },
    findings: { type: 'array', items: findingSchema },
    review: { anyOf: [readingReviewSchema, { type: 'null' }] },
    document: {
      type: 'object',
      description: 'The signed telemetry document as received (single reading only)',
    },
  },
  required: ['id', 'project_id', 'device_id', 'did', 'seq', 'timestamp', 'received_at', 'status', 'findings'],
});

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
