import type { ApiKeyRecord } from '../store/api-key-store.ts';
import { defaultRolesFor } from './auth/policy-roles.ts';

/** The public JSON of a stored key: never its salt or hash. */
export function apiKeyJson(record: ApiKeyRecord) {
  return {
    id: record._id,
    name: record.name,
    scopes: record.scopes,
    roles: record.roles ?? defaultRolesFor(record.scopes),
    prefix: record.prefix,
    created_at: record.createdAt.toISOString(),
    ...(record.revokedAt ? { revoked_at: record.revokedAt.toISOString() } : {}),
    ...(record.rotatedTo ? { rotated_to: record.rotatedTo } : {}),
  };
}
