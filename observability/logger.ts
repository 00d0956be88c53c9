import { type Logger, pino } from 'pino';
import { currentCorrelationId } from './correlation-context.ts';
import { redactionCensor, redactSecrets, redactSecretValues } from './redact-secrets.ts';

/**
 * Paths that may carry secrets. pino replaces them before serialization; `redactSecrets` then
 * catches the same keys at any depth and secret-looking values under any key, so a careless
 * `log.info({ body })` cannot leak a key.
 */
export const redactedPaths = [
  'password',
  'secret',
  'token',
  'apiKey',
  'api_key',
  'privateKey',
  'private_key',
  'operatorKey',
  'masterKey',
  'authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.api_key',
  '*.privateKey',
  '*.private_key',
  '*.operatorKey',
  '*.masterKey',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

/**
 * The structured JSON logger every process uses (one per process; children carry context). Every
 * line written inside a correlated context (an HTTP request, an activity, see correlation.ts) carries
 * `correlationId`.
 */
export function createLogger(
  options: { level?: string; name?: string; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name,
      redact: { paths: redactedPaths, censor: redactionCensor },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      formatters: {
        log: (object) => redactSecrets(object),
        bindings: (bindings) => redactSecrets(bindings),
      },
      hooks: {
        // Messages are free text: censor secret-looking values in them too.
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === 'string' ? redactSecretValues(arg) : arg));
          return method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

export type { Logger };
