import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { Db } from 'mongodb';
import { type ApiDeps, createApp } from '../../../api/app.ts';
import type { ApiEnv } from '../../../api/env.ts';
import { createEncryptedKeyStore } from '../../../identity/encrypted-key-store.ts';
import type { KeyStore } from '../../../identity/key-store.ts';
import { masterKeyFromBase64 } from '../../../identity/master-key.ts';
import { createLogger } from '../../../observability/logger.ts';
import { ensureTenantIndexes } from '../../../store/collections.ts';
import { createMongoKeyRecords } from '../../../store/key-store.ts';
import { connectMongo, type MongoHandle } from '../../../store/mongo.ts';
import { connectWorkflowGateway, type WorkflowGateway } from '../../../workflows/client.ts';
import { mongoUri, temporalAddress, uniqueDbName } from '../../support/services.ts';

/** A real MongoDB database and Temporal connection for one test file, and apps built over them. */
export interface ApiHarness {
  mongo: MongoHandle;
  gateway: WorkflowGateway;
  taskQueue: string;
  app(overrides?: Partial<ApiDeps>): Hono<ApiEnv>;
  close(): Promise<void>;
}

export async function startApiHarness(name: string): Promise<ApiHarness> {
  const mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName(`api_${name}`) });
  await ensureTenantIndexes(mongo.db);
  const taskQueue = `api-${name}-${process.pid}-${Date.now()}`;
  const gateway = await connectWorkflowGateway({ address: temporalAddress(), taskQueue });
  const logger = createLogger({ level: 'silent' });
  return {
    mongo,
    gateway,
    taskQueue,
    app: (overrides = {}) =>
      createApp({ db: mongo.db, workflows: gateway, logger, checks: [], ...overrides }),
    async close() {
      await gateway.close();
      await mongo.db.dropDatabase();
      await mongo.close();
    },
  };
}

export interface Call {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One in-process request; JSON bodies are serialized, strings sent as they are. */
export async function call(app: Hono<ApiEnv>, method: string, path: string, options: Call = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, { method, headers, body });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function registerOrganization(app: Hono<ApiEnv>, name = 'Test Hydro') {
  const res = await call(app, 'POST', '/v1/organizations', { body: { name } });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${res.text}`);
  return {
    orgId: res.json.organization.id as string,
    key: res.json.api_key.key as string,
    keyId: res.json.api_key.id as string,
  };
}

export async function createKey(app: Hono<ApiEnv>, adminKey: string, scopes: string[], name = 'k') {
  const res = await call(app, 'POST', '/v1/api-keys', { key: adminKey, body: { name, scopes } });
  if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${res.text}`);
  return { key: res.json.key as string, id: res.json.id as string, prefix: res.json.prefix as string };
}

/** A key store over the harness's database, sealed under a random master key (as `mrv up` has one). */
export async function throwawayKeyStore(db: Db): Promise<KeyStore> {
  return createEncryptedKeyStore({
    masterKey: masterKeyFromBase64(randomBytes(32).toString('base64')),
    records: await createMongoKeyRecords({ db }),
    randomBytes: (n) => randomBytes(n),
  });
}
