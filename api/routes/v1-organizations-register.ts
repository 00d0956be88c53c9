import type { Hono } from 'hono';
import { apiKeyStore, scopes } from '../../store/api-key-store.ts';
import { organizationStore } from '../../store/organization-store.ts';
import type { ApiContext } from '../api-context.ts';
import { apiKeyJson } from '../api-key-view.ts';
import { nameSchema, newApiKeySchema } from '../api-schemas.ts';
import { createApiKey } from '../auth/create-api-key.ts';
import { defaultAdminRoles } from '../auth/policy-roles.ts';
import type { ApiEnv } from '../env.ts';
import { enforceSignupLimit } from '../middleware/signup-limit.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { organizationSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `POST /v1/organizations`: self-registration → a new organization and its first admin key, shown once. */
export function registerOrganizationsRegister(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const orgs = organizationStore(ctx.db);
  const keys = apiKeyStore(ctx.db);
  mountRoute<{ name: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/organizations',
      operationId: 'registerOrganization',
      summary: 'Register an organization (returns its first admin API key, once)',
      tag: 'Organizations',
      auth: 'public',
      limitedPerAddress: true,
      body: {
        kind: 'json',
        schema: namedSchema('RegisterOrganizationRequest', {
          type: 'object',
          properties: { name: nameSchema },
          required: ['name'],
          additionalProperties: false,
        }),
      },
      responses: {
        201: {
          description: 'The organization and its admin key',
          schema: namedSchema('RegisteredOrganization', {
            type: 'object',
            properties: { organization: organizationSchema, api_key: newApiKeySchema },
            required: ['organization', 'api_key'],
          }),
        },
      },
      secretResponse: true,
    },
    async (c, { body }) => {
      await enforceSignupLimit(c, ctx);
      const now = ctx.clock();
      const org = await orgs.create({ name: body.name.trim(), now });
      const tenant = ctx.auth.scopeForNewOrganization(org.orgId);
      const { record, key } = await createApiKey(keys, tenant, {
        name: 'admin',
        scopes: [...scopes],
        roles: [...defaultAdminRoles],
        now,
      });
      await ctx.audit.append(tenant, {
        at: now.toISOString(),
        actor: `key:${record._id}`,
        action: 'registerOrganization',
        resource: `/v1/organizations/${org.orgId}`,
        requestId: c.get('requestId'),
        status: 201,
      });
      c.header('cache-control', 'no-store');
      return c.json(
        {
          organization: { id: org.orgId, name: org.name, created_at: org.createdAt.toISOString() },
          api_key: { ...apiKeyJson(record), key },
        },
        201,
      );
    },
  );
}
