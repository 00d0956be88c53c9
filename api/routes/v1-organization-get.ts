import type { Hono } from 'hono';
import { organizationStore } from '../../store/organization-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { credentialInfoSchema, organizationSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/organization`: the caller's organization and the credential's scopes. */
export function registerOrganizationGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const orgs = organizationStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/organization',
      operationId: 'getOrganization',
      summary: "The caller's organization",
      tag: 'Organizations',
      auth: 'any',
      responses: {
        200: {
          description: 'The organization and the calling credential',
          // Spread, not allOf: generators then give one flat type with every field.
          schema: namedSchema('OrganizationWithCredential', {
            type: 'object',
            properties: { ...(organizationSchema.properties as object), credential: credentialInfoSchema },
            required: [...(organizationSchema.required as string[]), 'credential'],
          }),
        },
      },
    },
    async (c, { principal }) => {
      const org = await orgs.get(principal.tenant);
      if (!org) throw new ApiError('NOT_FOUND', 'no such organization');
      return c.json({
        id: org.orgId,
        name: org.name,
        created_at: org.createdAt.toISOString(),
        credential: { kind: principal.kind, key_id: principal.keyId, scopes: principal.scopes },
      });
    },
  );
}
