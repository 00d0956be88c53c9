import type { Scope } from '../store/api-key-store.ts';
import type { TenantScope } from '../store/tenant-scope.ts';
import type { PresentedCertificate } from './pki/presented-certificate.ts';

/** The verified gateway certificate a request came with (api/pki, docs/api/mtls.md). */
export interface CertificateIdentity {
  sha256: string;
  gatewayId: string;
  /** Telemetry over this certificate is accepted only for these device DIDs. */
  deviceDids: readonly string[];
}

/** Who is calling: set by the auth middleware, read by everything after it. */
export interface Principal {
  /** How the caller proved itself; `client_certificate`: a gateway certificate alone (docs/api/mtls.md). */
  kind: 'api_key' | 'access_token' | 'client_certificate';
  keyId: string;
  scopes: readonly Scope[];
  /** Policy roles the caller may act as (api/auth/policy-roles.ts `effectiveRoles`). */
  roles: readonly string[];
  tenant: TenantScope;
  /** A web console session's id, when the credential is its token (api/auth/console-session.ts). */
  sessionId?: string;
  /** Set when the request came with a verified gateway certificate (with or without another credential). */
  certificate?: CertificateIdentity;
}

export interface ApiEnv {
  Variables: {
    requestId: string;
    /** Set by `correlation()`; the same value as `requestId`. */
    correlationId: string;
    principal: Principal;
    /** The client certificate the request presented, if any (api/pki/presented-certificate.ts). */
    clientCertificate: PresentedCertificate | undefined;
  };
}
