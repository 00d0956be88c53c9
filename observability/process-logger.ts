import { type DestinationStream, type Logger, pino } from 'pino';
import { createLogShipper, type LogShipper } from './log-shipper.ts';
import { createLogger } from './logger.ts';

export interface ProcessLogger {
  logger: Logger;
  /** Flushes what the shipper still holds; call it last on shutdown. */
  close(): Promise<void>;
}

/**
 * The logger of an API, worker or `mrv up` process: JSON lines to `destination` (stdout or stderr)
 * and, when `logStoreUrl` is set (LOG_STORE_URL), the same lines to the log store too.
 */
export function createProcessLogger(options: {
  level: string;
  name: string;
  destination: DestinationStream;
  logStoreUrl?: string;
}): ProcessLogger {
  if (!options.logStoreUrl) {
    return { logger: createLogger(options), close: async () => {} };
  }
  const shipper: LogShipper = createLogShipper({ url: options.logStoreUrl });
  const level = options.level as pino.Level;
  const destination = pino.multistream([
    { level, stream: options.destination },
    { level, stream: shipper },
  ]);
  return { logger: createLogger({ ...options, destination }), close: () => shipper.close() };
}
