import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

/**
 * `POST /oauth/token` (RFC 6749 §4.4 client credentials): client_id is an API key's prefix
 * (`mrv_live_<org>_<key>`), client_secret the API key itself; the answer is a 15-minute EdDSA JWT
 * carrying the requested subset of the key's scopes.
 */
export function registerOauthToken(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute<{ text: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/oauth/token',
      operationId: 'issueAccessToken',
      summary: 'OAuth2 client credentials: exchange an API key for a 15-minute access token',
      tag: 'OAuth',
      auth: 'public',
      // HTTP Basic (prefix:key) or client_id/client_secret in the form (RFC 6749 §2.3.1).
      security: [{ clientBasic: [] }, {}],
      body: {
        kind: 'text',
        contentTypes: ['application/x-www-form-urlencoded'],
        schema: {
          type: 'object',
          properties: {
            grant_type: { const: 'client_credentials' },
            client_id: { type: 'string' },
            client_secret: { type: 'string' },
            scope: { type: 'string', description: 'Space-separated subset of the key scopes' },
          },
          required: ['grant_type'],
        },
      },
      responses: {
        200: {
          description: 'An access token',
          schema: {
            type: 'object',
            properties: {
              access_token: { type: 'string' },
              token_type: { const: 'Bearer' },
              expires_in: { type: 'integer' },
              scope: { type: 'string' },
            },
          },
        },
      },
    },
    async (c, { body }) => {
      const form = new URLSearchParams(body.text);
      const grant = form.get('grant_type');
      if (grant !== 'client_credentials') {
        throw new ApiError('UNSUPPORTED_GRANT_TYPE', 'only grant_type=client_credentials is supported', {
          extensions: { error: 'unsupported_grant_type' },
        });
      }
      const basic = basicCredentials(c.req.header('authorization'));
      const clientId = basic?.id ?? form.get('client_id') ?? '';
      const clientSecret = basic?.secret ?? form.get('client_secret') ?? '';
      // RFC 8705: over mTLS (or a trusted proxy) the token is bound to the client certificate.
      const presented = c.get('clientCertificate');
      const cert = presented ? await ctx.auth.certificateIdentity(presented) : undefined;
      const token = await ctx.auth.issueAccessToken({
        clientId,
        clientSecret,
        scope: form.get('scope') ?? undefined,
        ...(cert ? { certificateSha256: cert.identity.sha256, certificateOrgId: cert.record.orgId } : {}),
      });
      c.header('cache-control', 'no-store');
      return c.json(token);
    },
  );
}
