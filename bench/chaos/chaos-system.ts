import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedMongo } from '../../stack/embedded-mongodb.ts';
import { startEmbeddedTemporal } from '../../stack/embedded-temporal.ts';
import { findFreePort } from '../../stack/ports.ts';
import { type Component, nodeComponent } from './node-component.ts';
import { serverComponent } from './server-component.ts';

export type ComponentName = 'ferretdb' | 'temporal' | 'hedera' | 'worker' | 'api';

export interface ChaosSystem {
  components: Record<ComponentName, Component>;
  apiUrl: string;
  mirrorUrl: string;
  mongoUri: string;
  dbName: string;
  /** The size-limited file system FerretDB writes to, or why there is none. */
  storeDisk: { dir: string; bytes: number } | { unavailable: string };
  logDir: string;
  close(): Promise<void>;
}

const ok = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

/**
 * Mounts a tmpfs of `bytes` for the store's files: the only way to make a real disk full without
 * filling the machine's own disk. Needs root (CI runs as root); elsewhere the disk-full fault is
 * reported as not run, with the reason.
 */
function mountStoreDisk(dir: string, bytes: number): ChaosSystem['storeDisk'] {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir, bytes };
  } catch (error) {
    return { unavailable: `mount -t tmpfs failed: ${String((error as Error).message).split('\n')[0]}` };
  }
}

/** Every component of the pipeline as its own process, on free ports, with its data in one directory. */
export async function createChaosSystem(options: { storeDiskBytes: number }): Promise<ChaosSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'mrv-chaos-'));
  const logDir = join(dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const storeDir = join(dir, 'store');
  const storeDisk = mountStoreDisk(storeDir, options.storeDiskBytes);
  const [mongoPort, temporalPort, grpc, mirrorGrpc, mirrorRest, apiPort, metricsPort] = await Promise.all(
    Array.from({ length: 7 }, () => findFreePort()),
  );
  const mongoUri = `mongodb://127.0.0.1:${mongoPort}/`;
  const mirrorUrl = `http://127.0.0.1:${mirrorRest}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const dbName = 'mrv_chaos';
  const { LOG_STORE_URL: _l, MTLS_PORT: _m, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    MONGODB_URI: mongoUri,
    MONGODB_DB: dbName,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    HEDERA_NETWORK: 'local',
    HEDERA_LOCAL_HOST: '127.0.0.1',
    HEDERA_LOCAL_GRPC_PORT: String(grpc),
    HEDERA_LOCAL_MIRROR_GRPC_PORT: String(mirrorGrpc),
    HEDERA_LOCAL_MIRROR_REST_PORT: String(mirrorRest),
    HEDERA_MIRROR_URL: mirrorUrl,
    MRV_MASTER_KEY: randomBytes(32).toString('base64'),
    MRV_DATA_DIR: join(dir, 'data'),
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    API_RATE_LIMIT_PER_HOUR: '1000000000',
    METRICS_PORT: String(metricsPort),
    LOG_LEVEL: 'warn',
  };
  mkdirSync(env.MRV_DATA_DIR!, { recursive: true });
  const node = (name: ComponentName, args: string[], ready: () => Promise<boolean>) =>
    nodeComponent({ name, args, env, logDir, ready });
  const components: Record<ComponentName, Component> = {
    ferretdb: serverComponent('ferretdb', () => startEmbeddedMongo({ dataDir: storeDir, port: mongoPort! })),
    temporal: serverComponent('temporal', () =>
      startEmbeddedTemporal({ dataDir: join(dir, 'temporal'), port: temporalPort! }),
    ),
    hedera: node(
      'hedera',
      [
        'hedera-local',
        '--data-dir',
        join(dir, 'hedera'),
        '--host',
        '127.0.0.1',
        '--grpc-port',
        String(grpc),
      ].concat(['--mirror-grpc-port', String(mirrorGrpc), '--mirror-rest-port', String(mirrorRest)]),
      () => ok(`${mirrorUrl}/api/v1/transactions?limit=1`),
    ),
    worker: node('worker', ['worker'], () => ok(`http://127.0.0.1:${metricsPort}/metrics`)),
    api: node('api', ['api'], () => ok(`${apiUrl}/healthz`)),
  };
  const close = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    for (const c of ['api', 'worker', 'hedera', 'temporal', 'ferretdb'] as const) {
      await components[c].stop().catch(() => undefined);
    }
    // CHAOS_KEEP=1 leaves everything (and the store's tmpfs mounted) for a look afterwards.
    if (process.env.CHAOS_KEEP === '1') {
      process.stderr.write(`chaos: kept ${dir}\n`);
      return;
    }
    if ('dir' in storeDisk) execFileSync('umount', ['-l', storeDisk.dir]);
    rmSync(dir, { recursive: true, force: true });
  };
  // Ctrl-C during the drill still stops every component and unmounts the store's tmpfs.
  const onSignal = () => void close().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    components,
    apiUrl,
    mirrorUrl,
    mongoUri,
    dbName,
    storeDisk,
    logDir,
    close,
  };
}
