import type { Hono } from 'hono';
import { parse } from 'yaml';
import { apiKeyStore, type Scope } from '../../store/api-key-store.ts';
import { policyStore } from '../../store/policy-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';
import type { ApiContext } from '../api-context.ts';
import { apiKeyJson } from '../api-key-view.ts';
import { nameSchema, newApiKeySchema, roleSchema, scopeSchema } from '../api-schemas.ts';
import { createApiKey } from '../auth/create-api-key.ts';
import { defaultRolesFor, reservedRoles, standardRoles } from '../auth/policy-roles.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError, type FieldError } from '../errors.ts';
import { mountRoute } from '../route.ts';

/** Roles a key of this organization may hold: the standard ones and any its published policies declare. */
async function assignableRoles(ctx: ApiContext, tenant: TenantScope): Promise<Set<string>> {
  const roles = new Set<string>(standardRoles);
  const store = policyStore(ctx.db);
  for (const summary of await store.listVersions(tenant)) {
    const version = await store.getVersion(tenant, summary._id);
    const declared = (parse(version?.source ?? '') as { roles?: unknown } | null)?.roles;
    if (declared && typeof declared === 'object') for (const r of Object.keys(declared)) roles.add(r);
  }
  for (const r of reservedRoles) roles.delete(r);
  return roles;
}

/** `POST /v1/api-keys`: a new key with scopes and policy roles; its secret is in this answer only. */
export function registerApiKeysCreate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const keys = apiKeyStore(ctx.db);
  mountRoute<{ name: string; scopes: Scope[]; roles?: string[] }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/api-keys',
      operationId: 'createApiKey',
      summary: 'Create an API key with scopes and policy roles (the secret is shown once)',
      description:
        'Scopes say which routes the key may call; roles say which policy events it may send ' +
        '(e.g. `registry` approves devices, `verifier` decides reviews and monitoring reports). ' +
        'Without `roles`, an admin key acts as registry and project_developer, a `review:write` key ' +
        'as verifier, and any other key as no role.',
      tag: 'API keys',
      auth: 'admin',
      body: {
        kind: 'json',
        schema: {
          type: 'object',
          properties: {
            name: nameSchema,
            scopes: { type: 'array', items: scopeSchema, minItems: 1, maxItems: 6, uniqueItems: true },
            roles: { type: 'array', items: roleSchema, maxItems: 16, uniqueItems: true },
          },
          required: ['name', 'scopes'],
          additionalProperties: false,
        },
      },
      responses: { 201: { description: 'The new key, with its secret', schema: newApiKeySchema } },
      secretResponse: true,
    },
    async (c, { body, principal }) => {
      if (body.roles && body.roles.length > 0) {
        const assignable = await assignableRoles(ctx, principal.tenant);
        const errors: FieldError[] = body.roles.flatMap((role, i) =>
          assignable.has(role)
            ? []
            : [
                {
                  in: 'body' as const,
                  pointer: `/roles/${i}`,
                  message: `'${role}' is not a role of this organization's policies (${[...assignable].join(', ')})`,
                },
              ],
        );
        // 409: which roles exist depends on the organization's published policies, not on the shape.
        if (errors.length > 0) throw new ApiError('CONFLICT', 'unknown policy roles', { errors });
      }
      const { record, key } = await createApiKey(keys, principal.tenant, {
        name: body.name.trim(),
        scopes: body.scopes,
        roles: body.roles ?? defaultRolesFor(body.scopes),
        now: ctx.clock(),
      });
      c.header('cache-control', 'no-store');
      return c.json({ ...apiKeyJson(record), key }, 201);
    },
  );
}
