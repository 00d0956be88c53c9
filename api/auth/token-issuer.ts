import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Scope } from '../../store/api-key-store.ts';
import type { ConsoleSessionStore } from '../../store/console-session-store.ts';
import { newId } from '../../store/ids.ts';
import type { Principal } from '../env.ts';
import { ApiError } from '../errors.ts';
import { x5tS256 } from './check-certificate.ts';
import type { JwtKeys } from './jwt-keys.ts';

export const ACCESS_TOKEN_TTL_S = 15 * 60;
export const ACCESS_TOKEN_AUDIENCE = 'mrv-api';

/**
 * Signs the API's access tokens: OAuth2 client-credentials tokens (optionally bound to a client
 * certificate, RFC 8705) and web console sessions, whose token names a revocable session record.
 * Checking tokens is the authenticator's (api/auth/authenticator.ts).
 */
export function createTokenIssuer(options: {
  jwt: JwtKeys;
  issuer: string;
  clock: () => Date;
  /** The principal of a client id and secret (the API key); throws INVALID_CLIENT otherwise. */
  clientPrincipal(clientId: string, clientSecret: string): Promise<Principal>;
  consoleSessions: ConsoleSessionStore;
}) {
  const { consoleSessions, clientPrincipal } = options;
  async function signToken(principal: Principal, claims: Record<string, unknown>, ttlS: number) {
    const now = Math.floor(options.clock().getTime() / 1000);
    return await new SignJWT({ org: principal.tenant.orgId, ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid: options.jwt.kid, typ: 'at+jwt' })
      .setIssuer(options.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(principal.keyId)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlS)
      .setJti(randomUUID())
      .sign(options.jwt.privateKey);
  }

  return {
    /** OAuth2 client credentials: client_id is the key's prefix, client_secret the whole API key. */
    async issueAccessToken(input: {
      clientId: string;
      clientSecret: string;
      scope?: string;
      /** RFC 8705: the token request came over mTLS with this (checked) certificate; the token is bound to it. */
      certificateSha256?: string;
      /** The certificate's organization: it must be the key's. */
      certificateOrgId?: string;
      /** Lifetime in seconds (default 15 minutes; console sessions ask for longer). */
      ttlS?: number;
    }) {
      const principal = await clientPrincipal(input.clientId, input.clientSecret);
      if (input.certificateOrgId !== undefined && input.certificateOrgId !== principal.tenant.orgId) {
        throw new ApiError(
          'INVALID_CLIENT',
          'the client belongs to another organization than the client certificate',
          {
            extensions: { error: 'invalid_client' },
          },
        );
      }
      const requested = input.scope?.trim() ? input.scope.trim().split(/\s+/) : [...principal.scopes];
      const unknown = requested.filter((s) => !principal.scopes.includes(s as Scope));
      if (unknown.length > 0) {
        throw new ApiError('INVALID_SCOPE', `the client may not request: ${unknown.join(' ')}`, {
          extensions: { error: 'invalid_scope', allowed: principal.scopes },
        });
      }
      const scope = requested.join(' ');
      const ttl = input.ttlS ?? ACCESS_TOKEN_TTL_S;
      const cnf = input.certificateSha256 ? { cnf: { 'x5t#S256': x5tS256(input.certificateSha256) } } : {};
      const accessToken = await signToken(principal, { scope, ...cnf }, ttl);
      return { access_token: accessToken, token_type: 'Bearer', expires_in: ttl, scope };
    },

    /**
     * A web console sign-in: checks the key, records a revocable session and signs a token naming it
     * (`sid`), with every scope of the key. The record is written only for a valid key.
     */
    async startConsoleSession(input: {
      clientId: string;
      clientSecret: string;
      ttlS: number;
      userAgent?: string;
    }) {
      const principal = await clientPrincipal(input.clientId, input.clientSecret);
      const sessionId = newId('ses');
      const createdAt = options.clock();
      await consoleSessions.create(principal.tenant, {
        _id: sessionId,
        keyId: principal.keyId,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + input.ttlS * 1000),
        ...(input.userAgent ? { userAgent: input.userAgent.slice(0, 200) } : {}),
      });
      const token = await signToken(
        principal,
        { scope: principal.scopes.join(' '), sid: sessionId },
        input.ttlS,
      );
      return { token, sessionId };
    },
  };
}
