import type { Collection, Db } from 'mongodb';
import { IdentityError } from '../identity/identity-error.ts';
import type { KeyRecord, KeyRecordRepository } from '../identity/key-store.ts';

/**
 * Sealed key records in MongoDB (the KeyRecordRepository behind `createEncryptedKeyStore`). Each document
 * carries its orgId and every query filters on it; (orgId, keyId) is unique. Claims are one atomic
 * findOneAndUpdate, so a device key is handed out exactly once even under concurrent claims.
 */
export async function createMongoKeyRecords(options: {
  db: Db;
  collection?: string;
}): Promise<KeyRecordRepository> {
  const collection: Collection<KeyRecord> = options.db.collection<KeyRecord>(
    options.collection ?? 'identity_keys',
  );
  await collection.createIndex({ orgId: 1, keyId: 1 }, { unique: true, name: 'org_key_unique' });
  const projection = { _id: 0 } as const;
  const claims = options.db.collection<{ _id: string; orgId: string; claimedAt: Date }>(
    `${options.collection ?? 'identity_keys'}_claims`,
  );

  return {
    async insert(record) {
      try {
        await collection.insertOne({ ...record });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) {
          throw new IdentityError('KEY_EXISTS', `key '${record.keyId}' already exists`, { cause: error });
        }
        throw error;
      }
    },

    async find(orgId, keyId) {
      return (await collection.findOne({ orgId, keyId }, { projection })) ?? undefined;
    },

    async claim(orgId, keyId) {
      // FerretDB's filtered update is not atomic (two concurrent claimers can both match
      // `state: 'awaiting-claim'`), so the claim itself is a unique insert: exactly one claimer wins.
      const record = await collection.findOne({ orgId, keyId, state: 'awaiting-claim' });
      if (!record) return undefined;
      try {
        await claims.insertOne({ _id: `${orgId}/${keyId}`, orgId, claimedAt: new Date() });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return undefined;
        throw error;
      }
      await collection.updateOne({ orgId, keyId }, { $set: { state: 'claimed' }, $unset: { sealed: '' } });
      const { _id, ...before } = record as KeyRecord & { _id?: unknown };
      return before;
    },
  };
}
