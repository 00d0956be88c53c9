import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { awaitReady } from './await-ready.ts';
import { binaryPath, goServerEnv } from './binaries.ts';
import type { EmbeddedService } from './embedded-mongodb.ts';
import { startManagedProcess } from './managed-process.ts';
import { assertPortFree } from './ports.ts';

/** True when a Temporal frontend answers and its default namespace is registered. */
export async function pingTemporal(address: string, namespace = 'default'): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } finally {
    await connection.close();
  }
}

/** The Temporal CLI's dev server, persisted to `<dataDir>/temporal/temporal.db` (SQLite). */
export async function startEmbeddedTemporal(options: {
  dataDir: string;
  port: number;
  uiPort?: number;
  namespace?: string;
  host?: string;
}): Promise<EmbeddedService & { uiUrl?: string }> {
  const host = options.host ?? '127.0.0.1';
  const dir = resolve(options.dataDir, 'temporal');
  mkdirSync(dir, { recursive: true });
  await assertPortFree({
    host,
    port: options.port,
    variable: 'TEMPORAL_PORT',
    what: 'The embedded Temporal server',
  });
  if (options.uiPort) {
    await assertPortFree({
      host,
      port: options.uiPort,
      variable: 'TEMPORAL_UI_PORT',
      what: 'The Temporal web UI',
    });
  }
  const namespace = options.namespace ?? 'default';
  const child = startManagedProcess({
    name: 'temporal',
    env: goServerEnv(),
    binary: binaryPath('temporal'),
    args: [
      'server',
      'start-dev',
      '--ip',
      host,
      '--port',
      String(options.port),
      '--db-filename',
      join(dir, 'temporal.db'),
      '--namespace',
      namespace,
      '--log-level',
      'warn',
      ...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']),
    ],
    runDir: join(resolve(options.dataDir), 'run'),
  });
  const address = `${host}:${options.port}`;
  await awaitReady({
    what: 'Temporal',
    child,
    address,
    probe: () => pingTemporal(address, namespace),
    timeoutMs: 60_000,
    intervalMs: 300,
  });
  return { process: child, address, uiUrl: options.uiPort ? `http://${host}:${options.uiPort}` : undefined };
}
