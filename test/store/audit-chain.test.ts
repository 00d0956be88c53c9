import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../store/audit-chain.ts';
import { auditLogStore } from '../../store/audit-log-store.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';

const orgId = `org_${'A'.repeat(22)}`;
const tenant = issueTenantScope(orgId);

describe('audit log', () => {
  let mongo: MongoHandle;
  beforeAll(async () => {
    mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('audit') });
    await mongo.db.collection('organizations').insertOne({ _id: orgId as never, orgId, name: 'A' });
    await mongo.db.collection('audit_log').createIndex({ orgId: 1, seq: 1 }, { unique: true });
  });
  afterAll(async () => {
    await mongo?.db.dropDatabase();
    await mongo?.close();
  });

  const all = async () => {
    const store = auditLogStore(mongo.db);
    const records = [];
    for await (const r of store.chain(orgId)) records.push(r);
    return { records, head: await store.head(orgId) };
  };

  it('chains concurrent appends in one gapless sequence', async () => {
    const store = auditLogStore(mongo.db);
    const written = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.append(tenant, { at: new Date(0).toISOString(), actor: 'system', action: `a${i}` }),
      ),
    );
    expect(written.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const { records, head } = await all();
    expect(verifyAuditChain(records, head)).toEqual([]);
  });

  it('stays one chain when two writers (two API instances) append at once', async () => {
    const [a, b] = [auditLogStore(mongo.db), auditLogStore(mongo.db)];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).append(tenant, { at: new Date(0).toISOString(), actor: 'system', action: `w${i}` }),
      ),
    );
    const { records, head } = await all();
    expect(verifyAuditChain(records, head)).toEqual([]);
  });

  it('detects an edited record', async () => {
    const { records, head } = await all();
    const edited = records.map((r) => (r.seq === 5 ? { ...r, action: 'nothing to see' } : r));
    expect(verifyAuditChain(edited, head).map((p) => p.problem)).toContain('hash-mismatch');
  });

  it('detects a deleted record and a deleted tail', async () => {
    const { records, head } = await all();
    expect(
      verifyAuditChain(
        records.filter((r) => r.seq !== 7),
        head,
      ).map((p) => p.problem),
    ).toEqual(expect.arrayContaining(['missing-record', 'broken-link']));
    expect(verifyAuditChain(records.slice(0, -2), head).map((p) => p.problem)).toContain('truncated');
  });

  it('detects a record re-hashed after an edit (its successor no longer links)', async () => {
    const { records, head } = await all();
    const { hashAuditRecord } = await import('../../store/audit-chain.ts');
    const forged = records.map((r) => {
      if (r.seq !== 3) return r;
      const { hash: _h, ...rest } = { ...r, actor: 'key:someone-else' };
      return { ...rest, hash: hashAuditRecord(rest) };
    });
    expect(verifyAuditChain(forged, head).map((p) => p.problem)).toContain('broken-link');
  });
});
