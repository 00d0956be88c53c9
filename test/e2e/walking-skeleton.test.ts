import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { createLogger } from '../../observability/logger.ts';
import { pingMongo } from '../../stack/embedded-mongodb.ts';
import { ensureTenantIndexes } from '../../store/collections.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { connectWorkflowGateway, type WorkflowGateway } from '../../workflows/client.ts';
import { createMrvWorker } from '../../workflows/worker.ts';
import { mongoUri, temporalAddress, uniqueDbName } from '../support/services.ts';

describe('walking skeleton: API → Temporal workflow → worker activity → MongoDB → API', () => {
  let mongo: MongoHandle;
  let gateway: WorkflowGateway;
  let stopWorker: () => Promise<void>;
  const taskQueue = `skeleton-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    console.info(`walking skeleton uses MongoDB-wire at ${mongoUri()} and Temporal at ${temporalAddress()}`);
    mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('skeleton') });
    await ensureTenantIndexes(mongo.db);
    const { worker, close } = await createMrvWorker({
      temporalAddress: temporalAddress(),
      db: mongo.db,
      taskQueue,
    });
    const running = worker.run();
    stopWorker = async () => {
      worker.shutdown();
      await running;
      await close();
    };
    gateway = await connectWorkflowGateway({ address: temporalAddress(), taskQueue });
  });

  afterAll(async () => {
    await gateway?.close();
    await stopWorker?.();
    await mongo?.db.dropDatabase();
    await mongo?.close();
  });

  function app() {
    return createApp({
      db: mongo.db,
      workflows: gateway,
      logger: createLogger({ level: 'silent' }),
      checks: [
        { name: 'mongodb', check: () => pingMongo(mongoUri()) },
        { name: 'temporal', check: () => gateway.ping() },
      ],
    });
  }

  async function adminKey(): Promise<string> {
    const res = await app().request('/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Skeleton Hydro' }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { api_key: { key: string } }).api_key.key;
  }

  it('runs a workflow that writes to MongoDB and reads the record back through the API', async () => {
    const authorization = `Bearer ${await adminKey()}`;
    const created = await app().request('/v1/selftest', { method: 'POST', headers: { authorization } });
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      id: string;
      workflow_id: string;
      record: { recordedBy: string };
    };
    expect(body.workflow_id).toBe(`selftest/${body.id}`);
    expect(body.record.recordedBy).toMatch(/^worker@/);

    const read = await app().request(`/v1/selftest/${body.id}`, { headers: { authorization } });
    expect(read.status).toBe(200);
    const readBody = (await read.json()) as { record: { _id: string; workflowId: string } };
    expect(readBody.record._id).toBe(body.id);
    expect(readBody.record.workflowId).toBe(body.workflow_id);
  });

  it('refuses the self-test without an admin credential', async () => {
    expect((await app().request('/v1/selftest', { method: 'POST' })).status).toBe(401);
  });

  it('reports every dependency as up on /readyz', async () => {
    const res = await app().request('/readyz');
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(res.status).toBe(200);
    expect(body.checks.mongodb?.status).toBe('up');
    expect(body.checks.temporal?.status).toBe('up');
  });

  it('answers an unknown self-test id with a problem+json 404', async () => {
    const res = await app().request('/v1/selftest/../../etc/passwd', {
      headers: { authorization: `Bearer ${await adminKey()}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
