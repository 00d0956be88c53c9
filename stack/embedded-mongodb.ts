import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { awaitReady } from './await-ready.ts';
import { binaryPath, goServerEnv } from './binaries.ts';
import { type ManagedProcess, startManagedProcess } from './managed-process.ts';
import { assertPortFree } from './ports.ts';

export interface EmbeddedService {
  process: ManagedProcess;
  /** Connection string / address clients use. */
  address: string;
}

/** Pings a MongoDB-wire server; used for readiness here and by /readyz. */
export async function pingMongo(uri: string, timeoutMs = 2000): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** FerretDB over SQLite: the MongoDB wire protocol with its data in `<dataDir>/mongodb`. */
export async function startEmbeddedMongo(options: {
  dataDir: string;
  port: number;
  host?: string;
}): Promise<EmbeddedService> {
  const host = options.host ?? '127.0.0.1';
  const dir = resolve(options.dataDir, 'mongodb');
  mkdirSync(dir, { recursive: true });
  await assertPortFree({
    host,
    port: options.port,
    variable: 'MONGODB_PORT',
    what: 'The embedded MongoDB-wire server (FerretDB)',
  });
  const child = startManagedProcess({
    name: 'ferretdb',
    env: goServerEnv(),
    binary: binaryPath('ferretdb'),
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=${host}:${options.port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    runDir: join(resolve(options.dataDir), 'run'),
  });
  const address = `mongodb://${host}:${options.port}/`;
  await awaitReady({
    what: 'FerretDB',
    child,
    address,
    probe: () => pingMongo(address, 500),
    timeoutMs: 30_000,
  });
  return { process: child, address };
}
