import type { Db } from 'mongodb';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

export const scopes = [
  'telemetry:write',
  'readings:read',
  'review:write',
  'policy:write',
  'token:mint',
  'admin',
] as const;
export type Scope = (typeof scopes)[number];

/** A stored API key: only a salted hash of its secret, never the secret. */
export interface ApiKeyRecord {
  _id: string;
  orgId: string;
  name: string;
  scopes: Scope[];
  /**
   * Policy roles the key's holder plays (registry, project_developer, verifier, …), set by an admin at
   * creation. Absent on keys made before roles existed: they get the defaults of their scopes.
   */
  roles?: string[];
  /** The public, non-secret start of the key, shown in listings (`mrv_live_<org>_<key>`). */
  prefix: string;
  salt: string;
  hash: string;
  createdAt: Date;
  revokedAt?: Date;
  /** Set on the key a rotation replaced. */
  rotatedTo?: string;
}

export type ApiKeyView = Omit<ApiKeyRecord, 'salt' | 'hash' | 'orgId'>;

const keys = (db: Db) => db.collection<ApiKeyRecord>('api_keys');

export function toApiKeyView(record: ApiKeyRecord): ApiKeyView {
  const { salt: _s, hash: _h, orgId: _o, ...view } = record;
  return view;
}

export function apiKeyStore(db: Db) {
  return {
    async insert(scope: TenantScope, record: Omit<ApiKeyRecord, 'orgId'>): Promise<void> {
      await keys(db).insertOne({ ...record, orgId: scope.orgId });
    },
    async get(scope: TenantScope, keyId: string): Promise<ApiKeyRecord | null> {
      return await findOwned(keys(db), scope, keyId);
    },
    async list(scope: TenantScope): Promise<ApiKeyRecord[]> {
      return await keys(db).find({ orgId: scope.orgId }).sort({ createdAt: 1, _id: 1 }).toArray();
    },
    /** Revokes once; returns the record as it is afterwards, or null when the key is not this org's. */
    async revoke(scope: TenantScope, keyId: string, input: { now: Date; rotatedTo?: string }) {
      const set: Partial<ApiKeyRecord> = { revokedAt: input.now };
      if (input.rotatedTo) set.rotatedTo = input.rotatedTo;
      await keys(db).updateOne(
        { orgId: scope.orgId, _id: keyId, revokedAt: { $exists: false } },
        { $set: set },
      );
      return await findOwned(keys(db), scope, keyId);
    },
  };
}

export type ApiKeyStore = ReturnType<typeof apiKeyStore>;
