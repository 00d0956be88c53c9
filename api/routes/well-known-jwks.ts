import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { jwkSetSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /.well-known/jwks.json`: the public key that verifies our access tokens. */
export function registerWellKnownJwks(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/.well-known/jwks.json',
      operationId: 'getJwks',
      summary: 'Public keys of the access-token issuer',
      tag: 'OAuth',
      auth: 'public',
      responses: { 200: { description: 'A JWK set', schema: jwkSetSchema } },
    },
    async (c) => c.json({ keys: [ctx.jwt.jwk] }),
  );
}
