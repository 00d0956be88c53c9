import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTenantIndexes, tenantCollections } from '../../store/collections.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';

describe('tenant collections', () => {
  let mongo: MongoHandle;
  beforeAll(async () => {
    mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('indexes') });
    await ensureTenantIndexes(mongo.db);
  });
  afterAll(async () => {
    await mongo?.db.dropDatabase();
    await mongo?.close();
  });

  it('declares indexes that all start with orgId', () => {
    for (const [name, indexes] of Object.entries(tenantCollections)) {
      for (const index of indexes) expect(Object.keys(index.key)[0], `${name}.${index.name}`).toBe('orgId');
    }
  });

  it('creates exactly those indexes (besides _id) in the database, idempotently', async () => {
    await ensureTenantIndexes(mongo.db);
    for (const name of Object.keys(tenantCollections)) {
      const live = await mongo.db.collection(name).indexes();
      for (const index of live.filter((i) => i.name !== '_id_')) {
        expect(Object.keys(index.key)[0], `${name}.${index.name}`).toBe('orgId');
      }
    }
  });
});
