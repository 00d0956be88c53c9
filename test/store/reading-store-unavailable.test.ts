import { connect, createServer, type Socket } from 'node:net';
import { MongoClient, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { newId, newSortableId } from '../../store/ids.ts';
import { readingStore } from '../../store/reading-store.ts';
import { isStoreUnavailable } from '../../store/store-unavailable.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { mongoUri } from '../support/services.ts';

/** A TCP relay to the test's MongoDB-wire server that can be cut, as a killed server is. */
async function relay() {
  const target = new URL(mongoUri());
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 27017), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

describe('readingStore.insertManyOnce when the server is gone', () => {
  it('throws instead of reporting readings as stored that were never written', async () => {
    const link = await relay();
    const client = new MongoClient(link.uri, { serverSelectionTimeoutMS: 1000, retryWrites: false });
    try {
      const db = client.db(`gone_${process.pid}`);
      await db.command({ ping: 1 });
      // The server is known and then unreachable: the driver fails the whole insertMany and wraps
      // that in a MongoBulkWriteError with no write errors, which once passed for "all inserted".
      await link.cut();
      const at = new Date(Date.UTC(2026, 4, 1));
      const insert = readingStore(db).insertManyOnce(issueTenantScope(newId('org')), [
        {
          _id: newSortableId('rdg', at),
          projectId: 'prj_x',
          deviceId: 'dev_x',
          did: 'did:key:z6Mkexample',
          seq: 1,
          timestamp: at.toISOString(),
          receivedAt: at,
          documentJson: '{}',
          status: 'RECEIVED',
        },
      ]);
      const error = await insert.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      // …and says so in a way the API answers with 503 + Retry-After, not 500.
      expect(isStoreUnavailable(error)).toBe(true);
    } finally {
      await client.close();
    }
  });
});

describe('isStoreUnavailable', () => {
  it('counts a full disk under the store as unavailable, not as a bug', () => {
    // FerretDB/SQLite's answer to an insert on a full disk, as the chaos drill met it.
    const full = new MongoServerError({
      message: '[msg_insert.go:168 handler.(*Handler).MsgInsert] database or disk is full (13)',
      code: 1,
      codeName: 'InternalError',
    });
    expect(isStoreUnavailable(full)).toBe(true);
    expect(isStoreUnavailable(new MongoServerError({ message: 'unknown operator: $foo', code: 2 }))).toBe(
      false,
    );
  });
});
