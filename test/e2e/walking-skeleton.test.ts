import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { pingHedera } from '../../ledger/ping-hedera.ts';
import { createLogger } from '../../observability/logger.ts';
import { pingMongo } from '../../stack/embedded-mongodb.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import { mongoUri, temporalAddress } from '../support/services.ts';

describe('walking skeleton: API → Temporal workflow → worker activity → MongoDB → API', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('skeleton');
    await harness.startWorker();
    console.info(
      `walking skeleton uses MongoDB-wire at ${mongoUri()}, Temporal at ${temporalAddress()} and the local Hedera network at ${harness.network.grpcEndpoint}`,
    );
  });

  afterAll(async () => {
    await harness?.close();
  });

  function app() {
    return createApp({
      db: harness.mongo.db,
      workflows: harness.gateway,
      logger: createLogger({ level: 'silent' }),
      checks: [
        { name: 'mongodb', check: () => pingMongo(mongoUri()) },
        { name: 'temporal', check: () => harness.gateway.ping() },
        { name: 'hedera', check: () => pingHedera(harness.services.hedera) },
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
    expect(body.checks.hedera?.status).toBe('up');
  });

  it('answers an unknown self-test id with a problem+json 404', async () => {
    const res = await app().request('/v1/selftest/../../etc/passwd', {
      headers: { authorization: `Bearer ${await adminKey()}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
