import { type Logger, pino } from 'pino';
import { currentCorrelationId } from './correlation-context.ts';
import { redactSecrets, redactSecretValues } from './redact-secrets.ts';

/**
 * The structured JSON logger every process uses (one per process; children carry context). Every
 * line written inside a correlated context (an HTTP request, an activity, see correlation.ts) carries
 * `correlationId`. Secrets are censored at any depth by `redactSecrets` (see redact-secrets.ts); pino's
 * own path-based `redact` is not used: it cost ten times the logging throughput for the same keys.
 */
export function createLogger(
  options: { level?: string; name?: string; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      // Error messages and stacks can quote a key they failed to parse.
      // The serialized error has pino's own prototype, which redactSecrets leaves alone; copy it plain.
      serializers: { err: (error: unknown) => redactSecrets({ ...pino.stdSerializers.err(error as Error) }) },
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
