import { errors as joseErrors, jwtVerify } from 'jose';
import type { Db } from 'mongodb';
import {
  type ApiKeyRecord,
  scopes as allScopes,
  apiKeyStore,
  type Scope,
} from '../../store/api-key-store.ts';
import { consoleSessionStore } from '../../store/console-session-store.ts';
import { gatewayStore } from '../../store/gateway-store.ts';
import { isStoreUnavailable } from '../../store/store-unavailable.ts';
import { issueTenantScope, type TenantScope } from '../../store/tenant-scope.ts';
import type { Principal } from '../env.ts';
import { ApiError } from '../errors.ts';
import { hashEnrollmentToken, parseEnrollmentToken } from '../pki/enrollment-token.ts';
import type { PkiCache } from '../pki/pki-cache.ts';
import type { PresentedCertificate } from '../pki/presented-certificate.ts';
import { looksLikeApiKey, parseApiKey, secretMatches } from './api-key-secret.ts';
import type { CertificateRefusalAuditor } from './audit-certificate-refusal.ts';
import { checkCertificate, x5tS256 } from './check-certificate.ts';
import type { JwtKeys } from './jwt-keys.ts';
import { defaultRolesFor, effectiveRoles } from './policy-roles.ts';
import { ACCESS_TOKEN_AUDIENCE as AUDIENCE, createTokenIssuer } from './token-issuer.ts';

export { ACCESS_TOKEN_TTL_S } from './token-issuer.ts';

/**
 * The only module that turns a credential into a `TenantScope`. API keys are looked up by the
 * (orgId, keyId) they carry and checked against their salted hash; access tokens are EdDSA JWTs that
 * this API signed (any other algorithm, including `none`, is refused by `jwtVerify`'s allow-list),
 * and their key must still be unrevoked.
 */
export function createAuthenticator(options: {
  db: Db;
  jwt: JwtKeys;
  issuer: string;
  clock: () => Date;
  /** How long a looked-up active key is trusted without asking MongoDB again (default 5 s). */
  keyCacheMs?: number;
  /** Gateway certificates (api/pki); without it, presented certificates are refused. */
  pki?: PkiCache;
  /** Writes a refused certificate of one of our CAs into its organization's audit log. */
  auditRefusal?: CertificateRefusalAuditor;
}) {
  const keys = apiKeyStore(options.db);
  const consoleSessions = consoleSessionStore(options.db);
  const cacheMs = options.keyCacheMs ?? 5000;
  // Saves a database round trip per request. A revocation through this instance takes effect at
  // once (`forget`); through another instance within `keyCacheMs`.
  const cache = new Map<string, { found: { record: ApiKeyRecord; tenant: TenantScope }; until: number }>();

  async function activeKey(
    orgId: string,
    keyId: string,
  ): Promise<{ record: ApiKeyRecord; tenant: TenantScope } | null> {
    const now = Date.now();
    const hit = cache.get(keyId);
    if (hit && hit.until > now && hit.found.tenant.orgId === orgId) return hit.found;
    const tenant = issueTenantScope(orgId);
    const record = await keys.get(tenant, keyId);
    if (!record || record.revokedAt) {
      cache.delete(keyId);
      return null;
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(keyId, { found: { record, tenant }, until: now + cacheMs });
    return { record, tenant };
  }

  async function fromApiKey(value: string): Promise<Principal | null> {
    const parsed = parseApiKey(value);
    if (!parsed) return null;
    const found = await activeKey(parsed.orgId, parsed.keyId);
    if (!found || !secretMatches(parsed.secret, found.record)) return null;
    const { _id: keyId, scopes, roles } = found.record;
    return { kind: 'api_key', keyId, scopes, roles: effectiveRoles(roles, scopes), tenant: found.tenant };
  }

  async function fromAccessToken(token: string): Promise<(Principal & { boundTo?: string }) | null> {
    try {
      const { payload } = await jwtVerify(token, options.jwt.publicKey, {
        algorithms: ['EdDSA'],
        issuer: options.issuer,
        audience: AUDIENCE,
        currentDate: options.clock(),
        requiredClaims: ['exp', 'iat', 'sub', 'org', 'scope'],
      });
      const { sub, org, scope, cnf, sid } = payload as {
        sub: unknown;
        org: unknown;
        scope: unknown;
        cnf?: unknown;
        /** A console session's id: the token lives only as long as that session is not revoked. */
        sid?: unknown;
      };
      if (sid !== undefined && typeof sid !== 'string') return null;
      const bound = (cnf as Record<string, unknown> | undefined)?.['x5t#S256'];
      if (cnf !== undefined && typeof bound !== 'string') return null;
      if (typeof sub !== 'string' || typeof org !== 'string' || typeof scope !== 'string') return null;
      // A malformed org or key id finds nothing; an unreachable store is not "unauthenticated" (503).
      const found = await activeKey(org, sub).catch((error) => {
        if (isStoreUnavailable(error)) throw error;
        return null;
      });
      if (!found) return null;
      if (typeof sid === 'string' && !(await consoleSessions.isLive(found.tenant, sid, options.clock())))
        return null;
      // A token never carries more than its key has now.
      const granted = scope.split(' ').filter((s): s is Scope => found.record.scopes.includes(s as Scope));
      // A token with every scope of its key acts with the key's roles; a narrowed one only with those
      // of them its granted scopes would give by default (least privilege survives the narrowing).
      const { roles: assigned, scopes: keyScopes } = found.record;
      const whole = keyScopes.every((s) => granted.includes(s));
      const keyRoles = effectiveRoles(assigned, keyScopes);
      const roles = whole ? keyRoles : defaultRolesFor(granted).filter((r) => keyRoles.includes(r));
      return {
        kind: 'access_token',
        keyId: sub,
        scopes: granted,
        roles,
        tenant: found.tenant,
        ...(typeof sid === 'string' ? { sessionId: sid } : {}),
        ...(typeof bound === 'string' ? { boundTo: bound } : {}),
      };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }

  /** OAuth client credentials (client_id = the key's prefix, client_secret = the key) → its principal. */
  async function clientPrincipal(clientId: string, clientSecret: string): Promise<Principal> {
    const parsed = parseApiKey(clientSecret);
    const principal = parsed && parsed.prefix === clientId ? await fromApiKey(clientSecret) : null;
    if (!principal)
      throw new ApiError('INVALID_CLIENT', 'unknown client or wrong secret', {
        extensions: { error: 'invalid_client' },
      });
    return principal;
  }

  const tokens = createTokenIssuer({ ...options, clientPrincipal, consoleSessions });

  /** Checks a presented certificate (api/auth/check-certificate.ts); throws 401 when it may not act. */
  async function certificateIdentity(presented: PresentedCertificate) {
    const pki = options.pki;
    if (!pki) throw new ApiError('CLIENT_CERTIFICATE_REFUSED', 'client certificates are not enabled');
    try {
      return await checkCertificate(pki, presented, options.clock());
    } catch (error) {
      const record = error instanceof ApiError ? await pki.certificate(presented.sha256) : null;
      if (record && options.auditRefusal) {
        options.auditRefusal(record.orgId, {
          action: 'mtls.certificate_refused',
          sha256: record._id,
          gatewayId: record.gatewayId,
          reason: String((error as ApiError).extensions?.reason ?? 'refused'),
        });
      }
      throw error;
    }
  }

  return {
    /**
     * The principal for an `Authorization: Bearer …` or `X-API-Key` value and/or a presented gateway
     * certificate; throws 401 otherwise. A certificate alone is the gateway (`client_certificate`,
     * telemetry only); with a credential, the credential must be of the certificate's organization,
     * and a certificate-bound token (RFC 8705) needs that very certificate.
     */
    async authenticate(header: {
      authorization?: string;
      apiKey?: string;
      certificate?: PresentedCertificate;
      /** A console session cookie's value (an access token this API issued): api/auth/console-session.ts. */
      session?: string;
    }): Promise<Principal> {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header.authorization ?? '')?.[1];
      const credential = bearer ?? header.apiKey?.trim() ?? header.session;
      const cert = header.certificate ? await certificateIdentity(header.certificate) : undefined;
      if (!credential && cert) {
        return {
          kind: 'client_certificate',
          keyId: cert.identity.gatewayId,
          scopes: ['telemetry:write'],
          roles: [],
          tenant: issueTenantScope(cert.record.orgId),
          certificate: cert.identity,
        };
      }
      if (!credential) {
        throw new ApiError(
          'UNAUTHENTICATED',
          'send an API key or access token as `Authorization: Bearer …`',
          {
            headers: { 'www-authenticate': 'Bearer realm="mrv"' },
          },
        );
      }
      const principal = looksLikeApiKey(credential)
        ? await fromApiKey(credential)
        : await fromAccessToken(credential);
      if (!principal) {
        throw new ApiError('UNAUTHENTICATED', 'the credential is invalid, expired or revoked', {
          headers: { 'www-authenticate': 'Bearer realm="mrv", error="invalid_token"' },
        });
      }
      const { boundTo, ...rest } = principal as Principal & { boundTo?: string };
      if (boundTo !== undefined && (!cert || x5tS256(cert.identity.sha256) !== boundTo)) {
        throw new ApiError(
          'UNAUTHENTICATED',
          'this token is bound to a client certificate that was not presented',
          {
            headers: { 'www-authenticate': 'Bearer realm="mrv", error="invalid_token"' },
          },
        );
      }
      if (!cert) return rest;
      if (cert.record.orgId !== rest.tenant.orgId) {
        throw new ApiError(
          'UNAUTHENTICATED',
          'the credential belongs to another organization than the client certificate',
        );
      }
      return { ...rest, certificate: cert.identity };
    },

    certificateIdentity,

    /** OAuth2 client credentials and console sign-ins (api/auth/token-issuer.ts). */
    issueAccessToken: tokens.issueAccessToken,
    startConsoleSession: tokens.startConsoleSession,

    /** Drops a key from the lookup cache (after revoking or rotating it). */
    forget(keyId: string): void {
      cache.delete(keyId);
    },

    /**
     * A gateway's one-time enrollment token (api/pki/enrollment-token.ts): the organization and
     * gateway it was made for, while unspent and unexpired; null otherwise. Spending is the caller's.
     */
    async enrollment(
      token: string,
    ): Promise<{ tenant: TenantScope; gatewayId: string; hash: string } | null> {
      const parsed = parseEnrollmentToken(token);
      if (!parsed) return null;
      const tenant = issueTenantScope(parsed.orgId);
      const hash = hashEnrollmentToken(token);
      const found = await gatewayStore(options.db).findEnrollment(tenant, hash, options.clock());
      return found ? { tenant, gatewayId: found.gatewayId, hash } : null;
    },

    /** Operator tools (`mrv pki`) act for an organization named on their command line. */
    operatorScope: operatorTenantScope,

    /** Self-registration: the organization that was just created gets its scope here. */
    scopeForNewOrganization(orgId: string): TenantScope {
      return issueTenantScope(orgId);
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;

/**
 * The scope of an organization named by an operator (`mrv pki --org`) or in a public PKI URL
 * (`/v1/pki/ca.pem?org=`): only for what is public or operator-only anyway.
 */
export function operatorTenantScope(orgId: string): TenantScope {
  return issueTenantScope(orgId);
}

export function isScope(value: string): value is Scope {
  return (allScopes as readonly string[]).includes(value);
}
