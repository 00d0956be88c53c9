import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentMongoClient } from '../../observability/mongo-metrics.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';
import { metricValue } from './support/metric-value.ts';

describe('MongoDB command metrics', () => {
  let client: MongoClient;
  let detach: () => void;
  const dbName = uniqueDbName('obs_mongo');
  const latency = (labels: Record<string, string>) =>
    metricValue('mrv_mongodb_command_duration_seconds', labels, 'count');

  beforeAll(async () => {
    client = new MongoClient(mongoUri(), { serverSelectionTimeoutMS: 5000 });
    // Before connect(): connections copy monitorCommands when they are opened.
    detach = instrumentMongoClient(client);
    await client.connect();
  });

  afterAll(async () => {
    await client?.db(dbName).dropDatabase();
    await client?.close();
  });

  it('records the latency of each command by command name and collection', async () => {
    const inserts = await latency({ command: 'insert', collection: 'readings', outcome: 'ok' });
    const finds = await latency({ command: 'find', collection: 'readings', outcome: 'ok' });
    const readings = client.db(dbName).collection('readings');
    await readings.insertOne({ _id: 'r1' as never, orgId: 'org-1' });
    await readings.findOne({ orgId: 'org-1' });
    expect(await latency({ command: 'insert', collection: 'readings', outcome: 'ok' })).toBe(inserts + 1);
    expect(await latency({ command: 'find', collection: 'readings', outcome: 'ok' })).toBe(finds + 1);
  });

  it('records failed commands with outcome error', async () => {
    const readings = client.db(dbName).collection('readings_dup');
    await readings.insertOne({ _id: 'same' as never });
    const before = await latency({ command: 'insert', outcome: 'error' });
    const writeErrors = await latency({ command: 'insert', collection: 'readings_dup' });
    await expect(readings.insertOne({ _id: 'same' as never })).rejects.toThrow();
    // A duplicate key is a write error inside an ok reply or a failed command, depending on the server.
    const after = await latency({ command: 'insert', collection: 'readings_dup' });
    expect(after).toBe(writeErrors + 1);
    await expect(client.db(dbName).command({ noSuchCommandAtAll: 1 })).rejects.toThrow();
    expect(await latency({ outcome: 'error' })).toBeGreaterThan(before);
  });

  it('does not turn hostile collection names into label values', async () => {
    const hostile = `x${'y'.repeat(80)}`;
    await client.db(dbName).collection(hostile).insertOne({ a: 1 });
    const exposition = await (await import('../../observability/metrics.ts')).metricsRegistry.metrics();
    expect(exposition).not.toContain(hostile);
    expect(await latency({ command: 'insert', collection: '_' })).toBeGreaterThanOrEqual(1);
  });

  it('stops recording once detached', async () => {
    detach();
    const before = await latency({ command: 'find' });
    await client.db(dbName).collection('readings').findOne({});
    expect(await latency({ command: 'find' })).toBe(before);
  });
});
