import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';
import type { Logger } from '../observability/logger.ts';

let installed = false;

/**
 * Routes the Temporal SDK's own logs into our structured logger. The runtime can be installed once
 * per process, before the first worker; later calls are no-ops.
 */
export function installTemporalRuntime(logger?: Logger, level: LogLevel = 'WARN'): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      if (!logger) return;
      const fields = { ...entry.meta, sdk: 'temporal' };
      // Activity-only workers (one per concern) are expected to have no workflows: not a warning.
      const expected = entry.message.startsWith('No workflows registered');
      const method =
        entry.level === 'ERROR' ? 'error' : entry.level === 'WARN' && !expected ? 'warn' : 'debug';
      logger[method](fields, entry.message);
    }),
  });
}
