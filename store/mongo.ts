import { type Db, MongoClient } from 'mongodb';
import { instrumentMongoClient } from '../observability/mongo-metrics.ts';

export interface MongoHandle {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

/**
 * Connects to MongoDB (or the FerretDB wire server). The code uses only what both support:
 * single-document atomic updates and unique indexes, never multi-document transactions.
 */
export async function connectMongo(options: {
  uri: string;
  dbName: string;
  appName?: string;
}): Promise<MongoHandle> {
  const client = new MongoClient(options.uri, {
    appName: options.appName ?? 'mrv',
    // Bounds how long a request waits for an unreachable store before it is answered 503 (api/app.ts).
    serverSelectionTimeoutMS: 3000,
    monitorCommands: true,
    retryWrites: false, // FerretDB has no retryable writes; idempotency keys make our writes safe to retry
  });
  // Command monitoring must be on before the first connection opens (observability/mongo-metrics.ts).
  instrumentMongoClient(client);
  await client.connect();
  const db = client.db(options.dbName);
  return { client, db, close: () => client.close() };
}
