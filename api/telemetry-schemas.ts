import { fieldErrorSchema, idSchema } from './api-schemas.ts';
import { namedSchema } from './openapi/named-schema.ts';

/** The outcome of one submitted document (`index` is its position in a batch). */
export const telemetryOutcomeSchema = namedSchema('TelemetryOutcome', {
  type: 'object',
  properties: {
    index: { type: 'integer', description: 'Position in the batch (batches only)' },
    status: { enum: ['accepted', 'duplicate', 'rejected'] },
    reading_id: idSchema('rdg'),
    device_id: idSchema('dev'),
    seq: { type: 'integer' },
    reason: { enum: ['schema', 'device', 'signature'] },
    message: { type: 'string' },
    errors: { type: 'array', items: fieldErrorSchema },
  },
  required: ['status'],
});

export const telemetryBatchResultSchema = namedSchema('TelemetryBatchResult', {
  type: 'object',
  properties: {
    accepted: { type: 'integer' },
    duplicates: { type: 'integer' },
    rejected: { type: 'integer' },
    results: { type: 'array', items: telemetryOutcomeSchema },
  },
  required: ['accepted', 'duplicates', 'rejected', 'results'],
});
