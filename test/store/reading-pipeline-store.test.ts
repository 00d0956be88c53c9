import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorBatchStore } from '../../store/anchor-batch-store.ts';
import { newId, newSortableId } from '../../store/ids.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { type Reading, readingStore } from '../../store/reading-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';

let mongo: MongoHandle;
let other: MongoHandle;
beforeAll(async () => {
  const dbName = uniqueDbName('pipeline_store');
  mongo = await connectMongo({ uri: mongoUri(), dbName });
  // A second client on the same database: a process that has not seen any of the readings yet.
  other = await connectMongo({ uri: mongoUri(), dbName });
});
afterAll(async () => {
  await mongo.db.dropDatabase();
  await mongo.close();
  await other.close();
});

const orgA = issueTenantScope(newId('org'));
const orgB = issueTenantScope(newId('org'));

function reading(seq: number): Omit<Reading, 'orgId'> {
  return {
    _id: newSortableId('rdg', new Date(Date.UTC(2026, 4, 1, 0, seq))),
    projectId: 'prj_x',
    deviceId: 'dev_x',
    did: 'did:key:z6Mkexample',
    seq,
    timestamp: new Date(Date.UTC(2026, 4, 1, 0, seq)).toISOString(),
    receivedAt: new Date(),
    documentJson: '{}',
    status: 'RECEIVED',
  };
}

async function insert(scope: typeof orgA, count: number): Promise<string[]> {
  const stored = await readingStore(mongo.db).insertManyOnce(
    scope,
    Array.from({ length: count }, (_, i) => reading(i + 1)),
  );
  return stored.map((s) => s.reading._id);
}

describe('readingPipelineStore', () => {
  it('reads a batch in the order of the ids asked for, each once, leaving out unknown ids', async () => {
    const ids = await insert(orgA, 5);
    const asked = [ids[3]!, ids[0]!, 'rdg_doesnotexist000000000', ids[3]!, ids[2]!];
    const found = await readingPipelineStore(other.db).getMany(orgA, asked);
    expect(found.map((r) => r._id)).toEqual([ids[3], ids[0], ids[2]]);
  });

  it('serves settled readings to the steps after verification, and never across organizations', async () => {
    const ids = await insert(orgA, 3);
    const pipeline = readingPipelineStore(other.db);
    // Not verified yet: nothing settled to serve.
    expect(await pipeline.getSettled(orgA, ids)).toEqual([]);
    await readingStore(other.db).setVerdicts(
      orgA,
      ids.slice(0, 2).map((id) => ({ id, status: 'APPROVED' as const, findings: [], at: new Date() })),
    );
    // Read from the database once, then served as stored: document, timestamp, findings.
    const settled = await pipeline.getSettled(orgA, [ids[1]!, ids[0]!, ids[2]!, ids[1]!]);
    expect(settled.map((r) => r._id)).toEqual([ids[1], ids[0]]);
    expect(settled[0]).toMatchObject({ orgId: orgA.orgId, documentJson: '{}', findings: [] });
    // What the verifier remembers is served to its organization only.
    pipeline.rememberSettled(orgA, [
      { _id: ids[2]!, timestamp: '2026-05-01T00:03:00.000Z', documentJson: '{"x":1}', findings: [] },
    ]);
    expect((await pipeline.getSettled(orgA, [ids[2]!]))[0]?.documentJson).toBe('{"x":1}');
    expect(await pipeline.getSettled(orgB, ids)).toEqual([]);
  });

  it("never reads or writes another organization's readings, whichever process asks first", async () => {
    const ids = await insert(orgB, 3);
    // `other` has not seen these readings: it must look them up and find them foreign.
    const pipeline = readingPipelineStore(other.db);
    await pipeline.setStatuses(orgA, [{ id: ids[0]!, status: 'REJECTED' }]);
    expect(await pipeline.getMany(orgA, ids)).toEqual([]);
    await readingStore(other.db).setVerdict(orgA, ids[1]!, {
      status: 'REJECTED',
      findings: [],
      at: new Date(),
    });
    await readingStore(mongo.db).setReview(orgA, ids[2]!, {
      decision: 'reject',
      reason: 'x',
      reviewer: 'r',
      decidedAt: new Date(),
    });
    const stored = await pipeline.getMany(orgB, ids);
    expect(stored.map((r) => r.status)).toEqual(['RECEIVED', 'RECEIVED', 'RECEIVED']);
  });

  it("records a batch's verdicts together, and none for another organization's readings", async () => {
    const mine = await insert(orgA, 3);
    const theirs = await insert(orgB, 1);
    const at = new Date();
    await readingStore(other.db).setVerdicts(orgA, [
      ...mine.map((id, i) => ({ id, status: 'FLAGGED' as const, findings: [], trustScore: i, at })),
      { id: theirs[0]!, status: 'REJECTED', findings: [], at },
    ]);
    const stored = await readingPipelineStore(mongo.db).getMany(orgA, mine);
    expect(stored.map((r) => [r.status, r.trustScore])).toEqual([
      ['FLAGGED', 0],
      ['FLAGGED', 1],
      ['FLAGGED', 2],
    ]);
    expect((await readingPipelineStore(mongo.db).getMany(orgB, theirs))[0]!.status).toBe('RECEIVED');
  });

  it('ignores ids that are not strings (a query operator smuggled in as an id)', async () => {
    const [id] = await insert(orgA, 1);
    const hostile = [{ $ne: null }, id] as unknown as string[];
    const found = await readingPipelineStore(other.db).getMany(orgA, hostile);
    expect(found.map((r) => r._id)).toEqual([id]);
    await readingPipelineStore(other.db).setStatuses(orgA, [
      { id: { $ne: null } as unknown as string, status: 'REJECTED' },
    ]);
    const all = await mongo.db.collection('readings').countDocuments({ status: 'REJECTED' });
    expect(all).toBe(0);
  });

  it('writes statuses for a batch larger than one bulk write, last status winning', async () => {
    const ids = await insert(orgA, 230);
    const pipeline = readingPipelineStore(other.db);
    await pipeline.setStatuses(orgA, [
      ...ids.map((id) => ({ id, status: 'FLAGGED' as const })),
      ...ids.map((id) => ({ id, status: 'APPROVED' as const })),
    ]);
    const stored = await pipeline.getMany(orgA, ids);
    expect(stored.every((r) => r.status === 'APPROVED')).toBe(true);
  });
});

describe('anchorBatchStore', () => {
  const record = (id: string) => ({
    _id: id,
    projectId: 'prj_x',
    kind: 'readings' as const,
    members: [],
    root: 'r',
    count: 0,
    topicId: '0.0.1',
    sequenceNumber: 1,
    consensusTimestamp: '1.1',
    transactionId: 't',
    proofs: [],
    createdAt: new Date(),
  });

  it('refuses a batch id another organization already holds, and hides and keeps that batch', async () => {
    const batches = anchorBatchStore(mongo.db);
    await batches.insertOnce(orgB, record('batch_shared'));
    await expect(batches.insertOnce(orgA, record('batch_shared'))).rejects.toThrow(/another organization/);
    expect(await batches.get(orgA, 'batch_shared')).toBeNull();
    await batches.setCredential(orgA, 'batch_shared', 'cred_a');
    expect((await batches.get(orgB, 'batch_shared'))?.credentialId).toBeUndefined();
  });

  it("says which of a project's readings are anchored in which batch, for its organization only", async () => {
    const batches = anchorBatchStore(mongo.db);
    await batches.insertOnce(orgA, { ...record('batch_m1'), projectId: 'prj_m', members: ['r1', 'r2'] });
    await batches.insertOnce(orgA, { ...record('batch_m2'), projectId: 'prj_m', members: ['r3'] });
    await batches.insertOnce(orgA, {
      ...record('batch_c'),
      projectId: 'prj_m',
      kind: 'credential',
      members: ['c1'],
    });
    await batches.insertOnce(orgA, { ...record('batch_other'), projectId: 'prj_n', members: ['r9'] });
    await batches.insertOnce(orgB, { ...record('batch_b'), projectId: 'prj_m', members: ['r4'] });
    expect(Object.fromEntries(await batches.readingMembership(orgA, 'prj_m'))).toEqual({
      r1: 'batch_m1',
      r2: 'batch_m1',
      r3: 'batch_m2',
    });
    expect(Object.fromEntries(await batches.readingMembership(orgB, 'prj_m'))).toEqual({ r4: 'batch_b' });
  });

  it('inserts a batch once: a second insert returns the first record', async () => {
    const batches = anchorBatchStore(mongo.db);
    const first = await batches.insertOnce(orgA, record('batch_once'));
    const again = await batches.insertOnce(orgA, { ...record('batch_once'), root: 'other' });
    expect(again.root).toBe(first.root);
  });
});
