import type { ApiKeyRecord, ApiKeyStore, Scope } from '../../store/api-key-store.ts';
import { newId } from '../../store/ids.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';
import { newApiKey } from './api-key-secret.ts';

/** Creates and stores a key; the returned `key` is the only copy of the secret that ever exists. */
export async function createApiKey(
  store: ApiKeyStore,
  tenant: TenantScope,
  input: { name: string; scopes: Scope[]; roles: string[]; now: Date },
): Promise<{ record: ApiKeyRecord; key: string }> {
  const keyId = newId('key');
  const secret = newApiKey({ orgId: tenant.orgId, keyId });
  const record: Omit<ApiKeyRecord, 'orgId'> = {
    _id: keyId,
    name: input.name,
    scopes: [...new Set(input.scopes)],
    roles: [...new Set(input.roles)],
    prefix: secret.prefix,
    salt: secret.salt,
    hash: secret.hash,
    createdAt: input.now,
  };
  await store.insert(tenant, record);
  return { record: { ...record, orgId: tenant.orgId }, key: secret.key };
}
