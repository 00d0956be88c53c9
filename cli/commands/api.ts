import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { startApiServer } from '../../api/start-api-server.ts';
import { loadConfig, requireServices } from '../../config/index.ts';
import { createProcessLogger } from '../../observability/process-logger.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary = 'api: run the HTTP API alone (needs MONGODB_URI and TEMPORAL_ADDRESS)';

/** `mrv api` runs only the API process, against the servers named in the configuration. */
export async function run(args: string[]): Promise<number> {
  let values: { port?: string };
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' } }, allowPositionals: false }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\nusage: mrv api [--port <n>]`);
  }
  const config = loadConfig();
  const { uri, temporalAddress } = requireServices(config, 'api');
  const { logger, close: closeLogs } = createProcessLogger({
    level: config.logLevel,
    name: 'api',
    destination: pino.destination(1),
    logStoreUrl: config.logStore.url,
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new CliUsageError('--port must be a port number');
  }
  const server = await startApiServer({
    config,
    mongoUri: uri,
    temporalAddress,
    logger,
    ...(port === undefined ? {} : { port }),
  });
  process.stderr.write(`API ${server.url}  docs ${server.url}/docs\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await closeLogs();
  return 0;
}
