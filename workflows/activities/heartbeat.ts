import { Context } from '@temporalio/activity';

/** How often a waiting activity reports; the SDK throttles what reaches the server (≤ 80% of the timeout). */
const HEARTBEAT_EVERY_MS = 2_000;

/**
 * Runs `work` while heartbeating the activity, so a worker that dies mid-call is noticed within the
 * activity's `heartbeatTimeout` (seconds) instead of its start-to-close timeout (up to 15 minutes
 * for ledger calls), and so a cancellation (e.g. worker shutdown) reaches the attempt.
 * `progress` describes where the work is; it becomes the heartbeat details shown by
 * `temporal workflow describe`.
 *
 * Must run inside an activity (it uses `Context.current()`).
 */
export async function heartbeatWhile<T>(progress: () => unknown, work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  context.heartbeat(progress());
  const timer = setInterval(() => context.heartbeat(progress()), HEARTBEAT_EVERY_MS);
  try {
    // A cancellation (worker shutdown, workflow cancelled) fails the attempt at once; the work itself
    // may still finish in the background, which idempotency keys make harmless.
    return await Promise.race([work(), context.cancelled]);
  } finally {
    clearInterval(timer);
  }
}

/** Reports progress of a CPU-bound loop, at most once every `HEARTBEAT_EVERY_MS`. */
export function progressReporter(): (details: unknown) => void {
  const context = Context.current();
  let last = 0;
  return (details) => {
    const now = Date.now();
    if (now - last < HEARTBEAT_EVERY_MS) return;
    last = now;
    context.heartbeat(details);
  };
}
