import type { Scope } from '../store/api-key-store.ts';
import type { TenantScope } from '../store/tenant-scope.ts';

/** Who is calling: set by the auth middleware, read by everything after it. */
export interface Principal {
  /** `api_key` today; an mTLS gateway would add `client_certificate` (docs/api/mtls.md). */
  kind: 'api_key' | 'access_token';
  keyId: string;
  scopes: readonly Scope[];
  /** Policy roles the caller may act as (api/auth/policy-roles.ts `effectiveRoles`). */
  roles: readonly string[];
  tenant: TenantScope;
}

export interface ApiEnv {
  Variables: {
    requestId: string;
    /** Set by `correlation()`; the same value as `requestId`. */
    correlationId: string;
    principal: Principal;
  };
}
