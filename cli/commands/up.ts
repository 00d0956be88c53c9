import { resolve } from 'node:path';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../../config/index.ts';
import { createLogger } from '../../observability/logger.ts';
import { createProcessLogger } from '../../observability/process-logger.ts';
import { startEmbeddedLogStore } from '../../stack/embedded-logs.ts';
import { startEmbeddedStack } from '../../stack/embedded-stack.ts';
import { StackError } from '../../stack/stack-error.ts';
import { type SupervisedService, superviseService } from '../../stack/supervise-service.ts';
import { waitUntil } from '../../stack/wait-until.ts';

export const summary = 'up: start the whole embedded stack in the foreground (Ctrl-C stops it)';

async function readyz(apiUrl: string): Promise<{ ok: boolean; body: unknown }> {
  const res = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
  return { ok: res.status === 200, body: await res.json() };
}

export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('usage: mrv up   (configuration comes from environment variables; see README)\n');
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`mrv up: configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Logs go to stderr so stdout carries only the URLs and the demo key; and to the log store, which
  // starts first so that every line of the stack reaches it.
  const bootLogger = createLogger({ level: config.logLevel, name: 'mrv', destination: pino.destination(2) });
  let logStore: SupervisedService | undefined;
  let logStoreUrl = config.logStore.url;
  let stack: Awaited<ReturnType<typeof startEmbeddedStack>>;
  let closeLogs = async () => {};
  try {
    if (!logStoreUrl) {
      logStore = await superviseService({
        name: 'victoria-logs',
        logger: bootLogger,
        start: () => startEmbeddedLogStore({ dataDir: resolve(config.dataDir), port: config.logStore.port }),
      });
      logStoreUrl = logStore.current().address;
    }
    const processLogger = createProcessLogger({
      level: config.logLevel,
      name: 'mrv',
      destination: pino.destination(2),
      logStoreUrl,
    });
    closeLogs = processLogger.close;
    stack = await startEmbeddedStack({ config, logger: processLogger.logger });
  } catch (error) {
    await closeLogs();
    await logStore?.stop();
    if (error instanceof StackError) {
      process.stderr.write(`mrv up: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  let last: unknown;
  const ready = await waitUntil({
    timeoutMs: 60_000,
    probe: async () => {
      const r = await readyz(stack.apiUrl);
      last = r.body;
      return r.ok;
    },
  });
  if (!ready.ok) {
    process.stderr.write(
      `mrv up: not ready after 60 s: ${JSON.stringify(last ?? String(ready.lastError))}\n`,
    );
  }
  const lines = [
    `API:         ${stack.apiUrl}`,
    `API docs:    ${stack.docsUrl}`,
    ...(stack.temporalUiUrl ? [`Temporal UI: ${stack.temporalUiUrl}`] : []),
    `Demo org:    ${stack.demo.orgId}`,
    `Demo key:    ${stack.demo.apiKey ?? '(shown at the first start only; create a new key with POST /v1/api-keys)'}`,
    `Logs:        ${logStoreUrl} (query with \`mrv logs\`)`,
    ...Object.entries(stack.services).map(([name, address]) => `${name.padEnd(12)} ${address}`),
    `Ready:       ${ready.ok ? 'yes' : 'NO (see /readyz)'} — press Ctrl-C to stop`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  // Runs until a signal, or until an embedded server keeps dying and its supervisor gives up.
  const failure = await new Promise<string | undefined>((resolve) => {
    const onSignal = (signal: string) => {
      process.stderr.write(`\nmrv up: ${signal} received, stopping…\n`);
      resolve(undefined);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    void stack.failed.then(resolve);
    void logStore?.gaveUp.then(resolve);
  });
  if (failure) process.stderr.write(`mrv up: ${failure} (logs in ${config.dataDir}/run/); stopping\n`);
  await stack.stop();
  await closeLogs();
  await logStore?.stop();
  process.stderr.write('mrv up: stopped\n');
  return failure ? 1 : 0;
}
