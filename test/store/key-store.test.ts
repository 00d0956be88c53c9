import { afterAll, beforeAll } from 'vitest';
import { masterKeyFromBase64 } from '../../identity/master-key.ts';
import { createMongoKeyRecords } from '../../store/key-store.ts';
import type { MongoHandle } from '../../store/mongo.ts';
import { connectMongo } from '../../store/mongo.ts';
import { keyStoreContract } from '../identity/fixtures/key-store-contract.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';

let mongo: MongoHandle;
beforeAll(async () => {
  mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('keystore') });
});
afterAll(async () => {
  await mongo.db.dropDatabase();
  await mongo.close();
});

keyStoreContract(
  'MongoDB',
  masterKeyFromBase64(Buffer.alloc(32, 11).toString('base64')),
  async () => createMongoKeyRecords({ db: mongo.db }),
  async () => {
    // The documents as raw BSON bytes, exactly as the server hands them back.
    const docs = await mongo.db.collection('identity_keys').find({}, { raw: true }).toArray();
    return docs.map((d) => Buffer.from(d as unknown as Uint8Array).toString('latin1')).join('\n');
  },
);
