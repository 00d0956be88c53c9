import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateJwtKeys } from '../../api/auth/jwt-keys.ts';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';

/** The same string with its last character changed. */
const tamper = (value: string) => `${value.slice(0, -1)}${value.endsWith('x') ? 'y' : 'x'}`;

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('authentication and authorization', () => {
  let h: ApiHarness;
  const jwtKeys = generateJwtKeys();
  let now = new Date('2026-03-01T12:00:00Z');
  const app = () => h.app({ jwtKeys, clock: () => now, publicUrl: 'http://api.test' });
  let admin: { orgId: string; key: string; keyId: string };

  beforeAll(async () => {
    h = await startApiHarness('auth');
    admin = await registerOrganization(app());
  });
  afterAll(async () => await h?.close());

  it('refuses a request without a credential with 401 problem+json and WWW-Authenticate', async () => {
    const res = await call(app(), 'GET', '/v1/organization');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(res.json.type).toBe('urn:mrv:problem:unauthenticated');
  });

  it.each([
    ['garbage', 'not-a-key'],
    ['a well-formed key with a wrong secret', () => `${admin.key.slice(0, -43)}${'A'.repeat(43)}`],
    [
      'a key of an organization that does not exist',
      `mrv_live_${'a'.repeat(22)}_${'b'.repeat(22)}_${'c'.repeat(43)}`,
    ],
    ['an empty bearer', ''],
  ])('refuses %s with 401', async (_name, value) => {
    const key = typeof value === 'function' ? value() : value;
    const res = await call(app(), 'GET', '/v1/organization', { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(401);
  });

  it('accepts the key in X-API-Key as well as Authorization', async () => {
    const res = await call(app(), 'GET', '/v1/organization', { headers: { 'x-api-key': admin.key } });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(admin.orgId);
  });

  it('refuses a revoked key at once', async () => {
    const victim = await createKey(app(), admin.key, ['readings:read']);
    expect((await call(app(), 'GET', '/v1/organization', { key: victim.key })).status).toBe(200);
    const revoked = await call(app(), 'POST', `/v1/api-keys/${victim.id}/revoke`, { key: admin.key });
    expect(revoked.status).toBe(200);
    expect(revoked.json.revoked_at).toBeTruthy();
    expect((await call(app(), 'GET', '/v1/organization', { key: victim.key })).status).toBe(401);
  });

  it('answers 403 with the missing scope when the key lacks it', async () => {
    const reader = await createKey(app(), admin.key, ['readings:read']);
    const res = await call(app(), 'GET', '/v1/api-keys', { key: reader.key });
    expect(res.status).toBe(403);
    expect(res.json.required_scope).toBe('admin');
  });

  it('keeps the self-test routes for admin keys', async () => {
    const reader = await createKey(app(), admin.key, ['readings:read']);
    expect((await call(app(), 'GET', '/v1/selftest/x')).status).toBe(401);
    expect((await call(app(), 'GET', '/v1/selftest/x', { key: reader.key })).status).toBe(403);
  });

  describe('OAuth2 client credentials', () => {
    async function token(key: string, prefix: string, scope?: string) {
      const fields: Record<string, string> = {
        grant_type: 'client_credentials',
        client_id: prefix,
        client_secret: key,
      };
      if (scope) fields.scope = scope;
      return await call(app(), 'POST', '/oauth/token', form(fields));
    }

    it('issues a 15-minute EdDSA token carrying the requested scopes', async () => {
      const k = await createKey(app(), admin.key, ['readings:read', 'telemetry:write']);
      const res = await token(k.key, k.prefix, 'readings:read');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'readings:read' });
      const header = JSON.parse(Buffer.from(res.json.access_token.split('.')[0], 'base64url').toString());
      expect(header.alg).toBe('EdDSA');
      const me = await call(app(), 'GET', '/v1/organization', { key: res.json.access_token });
      expect(me.status).toBe(200);
      expect(me.json.credential).toMatchObject({ kind: 'access_token', scopes: ['readings:read'] });
    });

    it('accepts HTTP Basic client authentication', async () => {
      const k = await createKey(app(), admin.key, ['readings:read']);
      const basic = Buffer.from(`${k.prefix}:${k.key}`).toString('base64');
      const res = await call(app(), 'POST', '/oauth/token', {
        body: 'grant_type=client_credentials',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      });
      expect(res.status).toBe(200);
    });

    it('refuses scopes the key does not have', async () => {
      const k = await createKey(app(), admin.key, ['readings:read']);
      const res = await token(k.key, k.prefix, 'readings:read token:mint');
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('invalid_scope');
    });

    it('refuses a wrong secret, a mismatched client id and other grant types', async () => {
      const k = await createKey(app(), admin.key, ['readings:read']);
      expect((await token(tamper(k.key), k.prefix)).json.error).toBe('invalid_client');
      expect((await token(k.key, tamper(k.prefix))).status).toBe(401);
      const other = await call(app(), 'POST', '/oauth/token', form({ grant_type: 'password' }));
      expect(other.status).toBe(400);
      expect(other.json.error).toBe('unsupported_grant_type');
    });

    it('refuses an expired token', async () => {
      const k = await createKey(app(), admin.key, ['readings:read']);
      const { access_token } = (await token(k.key, k.prefix)).json;
      now = new Date(now.getTime() + 16 * 60_000);
      try {
        expect((await call(app(), 'GET', '/v1/organization', { key: access_token })).status).toBe(401);
      } finally {
        now = new Date('2026-03-01T12:00:00Z');
      }
    });

    it('refuses tokens of a key that was revoked since', async () => {
      const k = await createKey(app(), admin.key, ['readings:read']);
      const { access_token } = (await token(k.key, k.prefix)).json;
      await call(app(), 'POST', `/v1/api-keys/${k.id}/revoke`, { key: admin.key });
      expect((await call(app(), 'GET', '/v1/organization', { key: access_token })).status).toBe(401);
    });

    it('refuses an unsigned token (alg: none)', async () => {
      const unsigned = new UnsecuredJWT({ org: admin.orgId, scope: 'admin' })
        .setIssuer('http://api.test')
        .setAudience('mrv-api')
        .setSubject(admin.keyId)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(now.getTime() / 1000) + 600)
        .encode();
      expect((await call(app(), 'GET', '/v1/organization', { key: unsigned })).status).toBe(401);
    });

    it('refuses a token signed by another key, and one with a tampered payload', async () => {
      const t = Math.floor(now.getTime() / 1000);
      const forged = await new SignJWT({ org: admin.orgId, scope: 'admin' })
        .setProtectedHeader({ alg: 'EdDSA', kid: jwtKeys.kid })
        .setIssuer('http://api.test')
        .setAudience('mrv-api')
        .setSubject(admin.keyId)
        .setIssuedAt(t)
        .setExpirationTime(t + 600)
        .sign(generateKeyPairSync('ed25519').privateKey);
      expect((await call(app(), 'GET', '/v1/organization', { key: forged })).status).toBe(401);

      const k = await createKey(app(), admin.key, ['readings:read']);
      const real = (await token(k.key, k.prefix)).json.access_token as string;
      const [h64, , sig] = real.split('.');
      const payload = Buffer.from(JSON.stringify({ org: admin.orgId, scope: 'admin', sub: k.id })).toString(
        'base64url',
      );
      expect((await call(app(), 'GET', '/v1/api-keys', { key: `${h64}.${payload}.${sig}` })).status).toBe(
        401,
      );
    });

    it('refuses an HS256 token whose secret is the public key (algorithm confusion)', async () => {
      const t = Math.floor(now.getTime() / 1000);
      const confused = await new SignJWT({ org: admin.orgId, scope: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('http://api.test')
        .setAudience('mrv-api')
        .setSubject(admin.keyId)
        .setIssuedAt(t)
        .setExpirationTime(t + 600)
        .sign(new TextEncoder().encode(JSON.stringify(jwtKeys.jwk)));
      expect((await call(app(), 'GET', '/v1/organization', { key: confused })).status).toBe(401);
    });

    it('publishes the verification key as a JWK set', async () => {
      const res = await call(app(), 'GET', '/.well-known/jwks.json');
      expect(res.json.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: jwtKeys.kid });
      expect(res.json.keys[0].d).toBeUndefined();
    });
  });
});
