import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerIntent } from '../../../ledger/intent-store.ts';
import { ledgerIntentStore } from '../../../store/ledger-intent-store.ts';
import { connectMongo, type MongoHandle } from '../../../store/mongo.ts';
import { mongoUri, uniqueDbName } from '../../support/services.ts';

let mongo: MongoHandle;
let store: ReturnType<typeof ledgerIntentStore>;
beforeAll(async () => {
  mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('ledger_intents') });
  store = ledgerIntentStore(mongo.db);
  await store.ensureIndexes();
});
afterAll(async () => {
  await mongo?.db.dropDatabase().catch(() => undefined);
  await mongo?.close();
});

const intent = (o: Partial<LedgerIntent> & { id: string; orgId: string; key: string }): LedgerIntent => ({
  op: 'submitMessage',
  request: { topicId: '0.0.5', message: 'AQI=' },
  requestHash: 'h',
  memo: `mrv:${o.id}`,
  status: 'PENDING',
  attempts: [],
  history: [],
  version: 1,
  createdAtMs: 1,
  updatedAtMs: 1,
  ...o,
});

describe('ledgerIntentStore', () => {
  it('claims a key once and hands the first intent to later callers', async () => {
    const first = await store.create(intent({ id: 'a1', orgId: 'o1', key: 'k1' }));
    const second = await store.create(
      intent({ id: 'a1-other', orgId: 'o1', key: 'k1', requestHash: 'other' }),
    );
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.intent.id).toBe('a1');
    expect(second.intent.requestHash).toBe('h');
  });

  it('races many creators of one key to exactly one winner', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.create(intent({ id: `race-${i}`, orgId: 'o1', key: 'race' })),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.intent.id)).size).toBe(1);
  });

  it('writes only on the expected version (compare-and-set)', async () => {
    const { intent: stored } = await store.create(intent({ id: 'cas', orgId: 'o1', key: 'cas' }));
    const a = await store.replace({ ...stored, status: 'CONFIRMED', version: 2 });
    const b = await store.replace({ ...stored, status: 'FAILED', version: 2 });
    expect(a?.status).toBe('CONFIRMED');
    expect(b).toBeNull();
    expect((await store.getById('cas'))?.status).toBe('CONFIRMED');
  });

  it('lets exactly one of many concurrent compare-and-set writers win', async () => {
    const { intent: stored } = await store.create(intent({ id: 'cas-race', orgId: 'o1', key: 'cas-race' }));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => store.replace({ ...stored, memo: `writer-${i}`, version: 2 })),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect((await store.getById('cas-race'))?.memo).toBe(winners[0]!.memo);
  });

  it('does not let one organization overwrite another organization’s intent', async () => {
    await store.create(intent({ id: 'tenant', orgId: 'o1', key: 'tenant' }));
    const forged = await store.replace(
      intent({ id: 'tenant', orgId: 'o2', key: 'tenant', status: 'CONFIRMED', version: 2 }),
    );
    expect(forged).toBeNull();
    expect(await store.get('o2', 'tenant')).toBeNull();
    expect((await store.get('o1', 'tenant'))?.status).toBe('PENDING');
  });

  it('lists dead letters per organization', async () => {
    await store.create(intent({ id: 'dl1', orgId: 'o3', key: 'dl1', status: 'DEAD_LETTER' }));
    await store.create(intent({ id: 'dl2', orgId: 'o4', key: 'dl2', status: 'DEAD_LETTER' }));
    expect((await store.listDeadLetters({ orgId: 'o3', limit: 10 })).map((i) => i.id)).toEqual(['dl1']);
    expect((await store.listDeadLetters({ limit: 10 })).map((i) => i.id).sort()).toEqual(['dl1', 'dl2']);
  });

  it('treats hostile lookup values as plain strings', async () => {
    expect(await store.get('o1', { $ne: null } as unknown as string)).toBeNull();
    expect(await store.getById({ $gt: '' } as unknown as string)).toBeNull();
  });
});
