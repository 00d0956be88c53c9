import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialStore, type StatusListRecord } from '../../store/credential-store.ts';
import { newId } from '../../store/ids.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';

let mongo: MongoHandle;
beforeAll(async () => {
  mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('credential_store') });
});
afterAll(async () => {
  await mongo.db.dropDatabase();
  await mongo.close();
});

type ListState = StatusListRecord['state'];
const emptyState = (id: string): ListState => ({
  id,
  issuer: 'did:key:z6Mkx',
  length: 131072,
  nextIndex: 0,
  revoked: [],
});

describe('credentialStore status lists', () => {
  it('lets exactly one of many concurrent writers of one version win, so no status index is handed out twice', async () => {
    const store = credentialStore(mongo.db);
    const scope = issueTenantScope(newId('org'));
    const id = `${scope.orgId}/status/1`;
    await store.createStatusList(scope, { _id: id, state: emptyState(id) });
    // Twenty issuers read version 1 and each allocate index 0 for their credential.
    const wins = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.updateStatusList(scope, id, 1, { state: { ...emptyState(id), nextIndex: 1 } }),
      ),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.getStatusList(scope, id)).toMatchObject({ version: 2, state: { nextIndex: 1 } });
  });

  it('allocates every index once under contention, retrying from the latest version as the issuer does', async () => {
    const store = credentialStore(mongo.db);
    const scope = issueTenantScope(newId('org'));
    const id = `${scope.orgId}/status/1`;
    await store.createStatusList(scope, { _id: id, state: emptyState(id) });
    const allocate = async (): Promise<number> => {
      for (;;) {
        const current = (await store.getStatusList(scope, id))!;
        const index = current.state.nextIndex;
        const next = { ...current.state, nextIndex: index + 1 };
        if (await store.updateStatusList(scope, id, current.version, { state: next })) return index;
      }
    };
    const indexes = await Promise.all(Array.from({ length: 12 }, allocate));
    expect([...indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect((await store.getStatusList(scope, id))?.state.nextIndex).toBe(12);
  });

  it('reads a version whose head update never happened (a crash in between) and repairs the head', async () => {
    const store = credentialStore(mongo.db);
    const scope = issueTenantScope(newId('org'));
    const id = `${scope.orgId}/status/1`;
    await store.createStatusList(scope, { _id: id, state: emptyState(id) });
    const record: StatusListRecord = {
      _id: id,
      orgId: scope.orgId,
      state: { ...emptyState(id), nextIndex: 5, revoked: [3] },
      version: 2,
    };
    await mongo.db
      .collection('status_list_versions')
      .insertOne({ _id: `${id}#2` as never, orgId: scope.orgId, record });
    expect(await store.getStatusList(scope, id)).toMatchObject({ version: 2, state: { revoked: [3] } });
    expect(await mongo.db.collection('status_lists').findOne({ _id: id as never })).toMatchObject({
      version: 2,
    });
    expect(await store.updateStatusList(scope, id, 1, { state: emptyState(id) })).toBe(false);
    expect(await store.updateStatusList(scope, id, 2, { state: { ...record.state, nextIndex: 6 } })).toBe(
      true,
    );
  });

  it("neither shows nor changes another organization's status list", async () => {
    const store = credentialStore(mongo.db);
    const owner = issueTenantScope(newId('org'));
    const intruder = issueTenantScope(newId('org'));
    const id = `${owner.orgId}/status/1`;
    await store.createStatusList(owner, { _id: id, state: emptyState(id) });
    expect(await store.getStatusList(intruder, id)).toBeNull();
    expect(
      await store.updateStatusList(intruder, id, 1, { state: { ...emptyState(id), revoked: [0] } }),
    ).toBe(false);
    expect((await store.getStatusList(owner, id))?.state.revoked).toEqual([]);
  });
});
