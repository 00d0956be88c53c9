declare const tenantBrand: unique symbol;

/**
 * Proof that a request was authenticated for one organization. Every tenant store function takes
 * one, so a query without an organization does not type-check. The brand's symbol is not exported:
 * the only way to obtain a scope is `issueTenantScope`, whose callers are fixed by
 * test/store/tenant-scope-callers.test.ts (the API's auth middleware and the worker's activities).
 */
export interface TenantScope {
  readonly orgId: string;
  readonly [tenantBrand]: true;
}

const ORG_ID = /^org_[0-9A-Za-z]{22}$/;

/** Called by the auth middleware after it verified a credential (and by the worker for its own org ids). */
export function issueTenantScope(orgId: string): TenantScope {
  if (!ORG_ID.test(orgId)) throw new TypeError(`not an organization id: '${String(orgId).slice(0, 40)}'`);
  return Object.freeze({ orgId }) as TenantScope;
}

export function isOrgId(value: string): boolean {
  return ORG_ID.test(value);
}
