import type { Hono } from 'hono';
import type { ApiContext } from './api-context.ts';
import type { ApiEnv } from './env.ts';
import { registerOauthToken } from './routes/oauth-token.ts';
import { registerApiKeysCreate } from './routes/v1-api-keys-create.ts';
import { registerApiKeysGet } from './routes/v1-api-keys-get.ts';
import { registerApiKeysList } from './routes/v1-api-keys-list.ts';
import { registerApiKeysRevoke } from './routes/v1-api-keys-revoke.ts';
import { registerApiKeysRotate } from './routes/v1-api-keys-rotate.ts';
import { registerAuditList } from './routes/v1-audit-list.ts';
import { registerOrganizationGet } from './routes/v1-organization-get.ts';
import { registerOrganizationsRegister } from './routes/v1-organizations-register.ts';
import { registerWellKnownJwks } from './routes/well-known-jwks.ts';

/** Every API route, in the order the OpenAPI document lists them. The only wiring of routes. */
export function registerApiRoutes(app: Hono<ApiEnv>, ctx: ApiContext): void {
  registerOrganizationsRegister(app, ctx);
  registerOrganizationGet(app, ctx);
  registerApiKeysCreate(app, ctx);
  registerApiKeysList(app, ctx);
  registerApiKeysGet(app, ctx);
  registerApiKeysRevoke(app, ctx);
  registerApiKeysRotate(app, ctx);
  registerOauthToken(app, ctx);
  registerWellKnownJwks(app, ctx);
  registerAuditList(app, ctx);
}
