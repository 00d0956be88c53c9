import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../observability/logger.ts';
import type { EmbeddedService } from './embedded-mongodb.ts';

/** When to restart a server that died and when to stop trying. */
export interface RestartPolicy {
  /** Wait before the first restart; doubles after each failure in a row. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Give up after this many failures in a row (a start that fails, or a run shorter than `stableMs`). */
  maxFailures: number;
  /** A run at least this long counts as healthy: the failure count and the delay start over. */
  stableMs: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxFailures: 5,
  stableMs: 60_000,
};

export interface SupervisedService<S extends EmbeddedService = EmbeddedService> {
  readonly name: string;
  /** The running instance (a new one after each restart; same address). */
  current(): S;
  restarts(): number;
  /** Resolves with a message when the supervisor gives up; it never rejects. */
  gaveUp: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Keeps an embedded server running: when the child dies (a crash, an OOM kill, `kill -9`), it is
 * started again on the same port and data directory after a backoff, so clients that reconnect on
 * their own (the MongoDB driver, Temporal's connection) recover without `mrv up` being restarted.
 * Each restart is logged; after `maxFailures` failures in a row the supervisor stops trying and
 * resolves `gaveUp`, so the caller can exit with a clear message instead of running half a stack.
 */
export async function superviseService<S extends EmbeddedService>(options: {
  name: string;
  start: () => Promise<S>;
  logger: Logger;
  policy?: Partial<RestartPolicy>;
  now?: () => number;
}): Promise<SupervisedService<S>> {
  const { name, start, logger } = options;
  const policy = { ...defaultRestartPolicy, ...options.policy };
  const now = options.now ?? Date.now;
  let current = await start();
  let startedAt = now();
  let stopping = false;
  let restarts = 0;
  let pendingStart: Promise<unknown> | undefined;
  let giveUp: (message: string) => void = () => {};
  const gaveUp = new Promise<string>((resolve) => {
    giveUp = resolve;
  });

  const watch = async () => {
    let failures = 0;
    for (;;) {
      const reason = await current.process.whenExited;
      if (stopping) return;
      failures = now() - startedAt >= policy.stableMs ? 1 : failures + 1;
      let lastError = reason;
      for (;;) {
        if (failures >= policy.maxFailures) {
          const message = `${name} failed ${failures} times in a row and is not restarted again; last: ${lastError}`;
          logger.error({ service: name, restarts }, message);
          giveUp(message);
          return;
        }
        const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (failures - 1));
        logger.warn(
          { service: name, reason: lastError, delayMs, attempt: failures },
          `${name} stopped; restarting`,
        );
        await sleep(delayMs);
        if (stopping) return;
        try {
          const starting = start();
          pendingStart = starting.catch(() => undefined);
          current = await starting;
          if (stopping) return await current.process.stop();
          startedAt = now();
          restarts += 1;
          logger.warn({ service: name, pid: current.process.pid, restarts }, `${name} restarted`);
          break;
        } catch (error) {
          lastError = error instanceof Error ? error.message : String(error);
          failures += 1;
        }
      }
    }
  };
  void watch();

  return {
    name,
    current: () => current,
    restarts: () => restarts,
    gaveUp,
    async stop() {
      stopping = true;
      await pendingStart;
      await current.process.stop();
    },
  };
}
