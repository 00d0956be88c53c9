import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { createLogger } from '../../observability/logger.ts';
import { type EmbeddedService, startEmbeddedMongo } from '../../stack/embedded-mongodb.ts';
import { findFreePort } from '../../stack/ports.ts';
import { ensureTenantIndexes } from '../../store/collections.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { connectWorkflowGateway, type WorkflowGateway } from '../../workflows/client.ts';
import { temporalAddress } from '../support/services.ts';
import { call, createKey, registerOrganization } from './support/api-harness.ts';

// The API's own FerretDB, so this file can kill it without touching the suite's shared server.
describe('a request whose data store is down', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mrv-store-down-'));
  let port: number;
  let server: EmbeddedService;
  let mongo: MongoHandle;
  let gateway: WorkflowGateway;

  beforeAll(async () => {
    port = await findFreePort();
    server = await startEmbeddedMongo({ dataDir, port });
    mongo = await connectMongo({ uri: server.address, dbName: 'store_down' });
    await ensureTenantIndexes(mongo.db);
    gateway = await connectWorkflowGateway({
      address: temporalAddress(),
      taskQueue: `store-down-${process.pid}`,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await mongo?.close();
    await server?.process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 problem+json with Retry-After, never 500, and serves again once the store is back', async () => {
    const app = createApp({
      db: mongo.db,
      workflows: gateway,
      logger: createLogger({ level: 'silent' }),
      checks: [],
    });
    const org = await registerOrganization(app, 'Store Down Hydro');
    expect((await call(app, 'GET', '/v1/organization', { key: org.key })).status).toBe(200);
    const reader = await createKey(app, org.key, ['readings:read']);
    const issued = await call(app, 'POST', '/oauth/token', {
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: reader.prefix,
        client_secret: reader.key,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(issued.status).toBe(200);
    const token = issued.json.access_token as string;

    process.kill(server.process.pid, 'SIGKILL');
    await server.process.whenExited;

    for (const [method, path, body] of [
      ['GET', '/v1/organization', undefined],
      ['GET', '/v1/projects', undefined],
      ['POST', '/v1/organizations', { name: 'Late Hydro' }],
    ] as const) {
      const down = await call(app, method, path, { key: org.key, body });
      expect(down.status, `${method} ${path}: ${down.text}`).toBe(503);
      expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(down.json.status).toBe(503);
      expect(down.json.detail).toMatch(/data store cannot be reached/);
    }
    // An access token is checked against its key in the store: an outage is not "unauthenticated".
    const withToken = await call(app, 'GET', '/v1/readings', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.status, withToken.text).toBe(503);

    // Same port and files: what was accepted before the kill is still there.
    server = await startEmbeddedMongo({ dataDir, port });
    const back = await call(app, 'GET', '/v1/organization', { key: org.key });
    expect(back.status).toBe(200);
    expect(back.json.id ?? back.json.organization?.id).toBe(org.orgId);
  }, 90_000);
});

describe('isStoreUnavailable', () => {
  it('counts the driver’s unwrapped socket errors and causes, not other failures', async () => {
    const { isStoreUnavailable } = await import('../../store/store-unavailable.ts');
    const epipe = Object.assign(new Error('This socket has been ended by the other party'), {
      code: 'EPIPE',
    });
    expect(isStoreUnavailable(epipe)).toBe(true);
    expect(isStoreUnavailable(new Error('wrapped', { cause: epipe }))).toBe(true);
    expect(isStoreUnavailable(new Error('a bug'))).toBe(false);
    expect(isStoreUnavailable(Object.assign(new Error('duplicate'), { code: 11000 }))).toBe(false);
  });
});
