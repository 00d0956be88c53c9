import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { awaitReady } from './await-ready.ts';
import { binaryPath, goServerEnv } from './binaries.ts';
import type { EmbeddedService } from './embedded-mongodb.ts';
import { startManagedProcess } from './managed-process.ts';
import { assertPortFree } from './ports.ts';

/** True when VictoriaLogs answers its health check. */
export async function pingLogStore(url: string, timeoutMs = 1000): Promise<boolean> {
  const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeoutMs) });
  return res.ok;
}

/**
 * VictoriaLogs, the log store of the embedded stack (Apache-2.0; Grafana Loki is AGPL and its
 * go.mod cannot be built with `go install`, see docs/observability.md), data in `<dataDir>/logs`,
 * kept 7 days.
 */
export async function startEmbeddedLogStore(options: {
  dataDir: string;
  port: number;
  host?: string;
}): Promise<EmbeddedService> {
  const host = options.host ?? '127.0.0.1';
  const dir = resolve(options.dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  await assertPortFree({
    host,
    port: options.port,
    variable: 'LOG_STORE_PORT',
    what: 'The embedded log store',
  });
  const child = startManagedProcess({
    name: 'victoria-logs',
    env: goServerEnv(),
    binary: binaryPath('victoria-logs'),
    args: [
      `-storageDataPath=${dir}`,
      `-httpListenAddr=${host}:${options.port}`,
      '-retentionPeriod=7d',
      '-loggerLevel=WARN',
    ],
    runDir: join(resolve(options.dataDir), 'run'),
  });
  const address = `http://${host}:${options.port}`;
  await awaitReady({
    what: 'VictoriaLogs',
    child,
    address,
    probe: () => pingLogStore(address, 500),
    timeoutMs: 30_000,
  });
  return { process: child, address };
}
