import type { Hono } from 'hono';
import { telemetrySubmissionsTotal } from '../../observability/metrics.ts';
import { acceptTelemetry } from '../accept-telemetry.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { telemetryExample } from '../openapi/telemetry-example.ts';
import { mountRoute } from '../route.ts';
import { schemaFileRef } from '../schema-validator.ts';
import { telemetryBatchResultSchema, telemetryOutcomeSchema } from '../telemetry-schemas.ts';

export const MAX_BATCH = 1000;

/**
 * `POST /v1/telemetry`: one signed telemetry document, or `{ "documents": [...] }` with up to 1,000.
 * 202 once every accepted reading is durable; each document gets its own outcome. A single document
 * that is rejected answers 400 (schema), 404 (its device_id is no active device the credential may
 * submit for: like a body naming a missing project, it depends on what exists, not on the document's
 * shape) or 422 (the signature does not verify).
 */
const refusal = {
  schema: 'VALIDATION_FAILED',
  device: 'DEVICE_NOT_ACTIVE',
  signature: 'TELEMETRY_REJECTED',
} as const;

export function registerTelemetrySubmit(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const telemetry = schemaFileRef(ctx.validator.files, 'telemetry.schema.json');
  mountRoute<Record<string, unknown>>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/telemetry',
      operationId: 'submitTelemetry',
      summary: 'Submit signed telemetry: one document or a batch of up to 1,000',
      description:
        'A single rejected document answers 400 (not telemetry v1), 404 `DEVICE_NOT_ACTIVE` (its `device_id` ' +
        'is no active device of this organization, or not one the client certificate lists) or 422 ' +
        '`TELEMETRY_REJECTED` (the signature does not verify with the device key). A batch answers 202 ' +
        'with one outcome per document.',
      tag: 'Telemetry',
      auth: 'telemetry:write',
      body: {
        kind: 'json',
        perItem: true,
        schema: namedSchema('TelemetrySubmission', {
          oneOf: [
            telemetry,
            namedSchema('TelemetryBatch', {
              type: 'object',
              properties: {
                documents: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: telemetry },
              },
              required: ['documents'],
              additionalProperties: false,
            }),
          ],
        }),
      },
      get example() {
        return telemetryExample();
      },
      responses: {
        202: {
          description:
            'Stored durably. A single document answers its outcome; a batch answers the counts and one outcome per document (a batch answers 202 even when some are rejected).',
          schema: namedSchema('TelemetryAccepted', {
            anyOf: [telemetryOutcomeSchema, telemetryBatchResultSchema],
          }),
        },
      },
      onRateLimited: (principal) =>
        telemetrySubmissionsTotal.inc({ organization: principal.tenant.orgId, status: 'rate_limited' }),
    },
    async (c, { body, principal }) => {
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new ApiError('VALIDATION_FAILED', 'send a telemetry document or { "documents": [...] }', {
          errors: [{ in: 'body', pointer: '/', message: 'must be an object' }],
        });
      }
      if ('documents' in body) {
        const docs = body.documents;
        const extra = Object.keys(body).filter((k) => k !== 'documents');
        if (!Array.isArray(docs) || docs.length < 1 || docs.length > MAX_BATCH || extra.length > 0) {
          throw new ApiError('VALIDATION_FAILED', `a batch is { "documents": [1…${MAX_BATCH} documents] }`, {
            errors: [
              {
                in: 'body',
                pointer: '/documents',
                message: `must be an array of 1 to ${MAX_BATCH} documents`,
              },
            ],
          });
        }
        const results = await acceptTelemetry(ctx, principal.tenant, docs, principal.certificate?.deviceDids);
        const count = (s: string) => results.filter((r) => r.status === s).length;
        return c.json(
          {
            accepted: count('accepted'),
            duplicates: count('duplicate'),
            rejected: count('rejected'),
            results,
          },
          202,
        );
      }
      const [outcome] = await acceptTelemetry(
        ctx,
        principal.tenant,
        [body],
        principal.certificate?.deviceDids,
      );
      if (outcome!.status === 'rejected') {
        throw new ApiError(refusal[outcome!.reason], outcome!.message, {
          ...(outcome!.errors ? { errors: outcome!.errors } : {}),
          extensions: { reason: outcome!.reason },
        });
      }
      const { index: _i, ...rest } = outcome!;
      return c.json(rest, 202);
    },
  );
}
