import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { auditRecordSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/audit`: the organization's hash-chained audit log, in order. */
export function registerAuditList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/audit',
      operationId: 'listAuditRecords',
      summary: 'Read the audit log (hash-chained; verify with `mrv audit verify`)',
      tag: 'Audit',
      auth: 'admin',
      query: {
        type: 'object',
        properties: {
          after_seq: { type: 'integer', minimum: 0, default: 0 },
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          action: {
            type: 'string',
            pattern: '^\\w{1,100}$',
            description: 'An operationId, e.g. createApiKey',
          },
          actor: { type: 'string', pattern: '^key:key_[0-9A-Za-z]{22}$', description: 'e.g. key:key_…' },
          failed: { type: 'boolean', description: 'Only requests answered with 4xx/5xx' },
        },
        additionalProperties: false,
      },
      responses: {
        200: {
          description: 'Audit records and the cursor for the next page',
          schema: namedSchema('AuditPage', {
            type: 'object',
            properties: {
              data: { type: 'array', items: auditRecordSchema },
              next_after_seq: {
                type: ['integer', 'null'],
                description: 'Pass as `after_seq`; null on the last page',
              },
            },
            required: ['data', 'next_after_seq'],
          }),
        },
      },
    },
    async (c, { query, principal }) => {
      const limit = query.limit as number;
      const data = await ctx.audit.list(principal.tenant, {
        afterSeq: query.after_seq as number,
        limit,
        ...(query.action ? { action: query.action as string } : {}),
        ...(query.actor ? { actor: query.actor as string } : {}),
        ...(query.failed === true ? { failedOnly: true } : {}),
      });
      const last = data.at(-1);
      return c.json({ data, next_after_seq: data.length === limit && last ? last.seq : null });
    },
  );
}
