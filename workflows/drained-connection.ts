import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

/**
 * A Temporal client connection that closes cleanly under load. The SDK retries a failed call from a
 * timer; if the channel is closed while such a timer is pending, the retry throws "Channel has been
 * shut down" from the timer — an uncaught exception that takes the process (or a test run) down.
 * So: once closing, no call is retried again, every call still in flight is aborted, and the
 * channel is closed only after they have settled (bounded by `drainMs`).
 */
export interface DrainedConnection {
  readonly connection: Connection;
  /** Runs one client call so that close() can abort it and wait for it. */
  track<T>(call: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function connectDrained(options: {
  address: string;
  drainMs?: number;
}): Promise<DrainedConnection> {
  let closing = false;
  const retry = defaultGrpcRetryOptions();
  const connection = await Connection.connect({
    address: options.address,
    interceptors: [
      makeGrpcRetryInterceptor({
        ...retry,
        retryableDecider: (attempt, status) => !closing && retry.retryableDecider(attempt, status),
      }),
    ],
  });
  // One controller per call: the SDK adds an abort listener per RPC and never removes it, so a
  // shared, long-lived signal would grow without bound in a long-running API.
  const inFlight = new Map<Promise<unknown>, AbortController>();
  return {
    connection,
    track(call) {
      if (closing) return Promise.reject(new Error('the Temporal connection is closing'));
      const abort = new AbortController();
      const pending = connection.withAbortSignal(abort.signal, call);
      const settled = pending.then(
        () => undefined,
        () => undefined,
      );
      inFlight.set(settled, abort);
      void settled.then(() => inFlight.delete(settled));
      return pending;
    },
    async close() {
      if (closing) return;
      closing = true;
      for (const abort of inFlight.values()) abort.abort();
      // A retry timer scheduled just before `closing` fires at most once more (≤ 5 s backoff).
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.drainMs ?? 10_000);
      });
      await Promise.race([Promise.allSettled([...inFlight.keys()]), bound]);
      clearTimeout(timer);
      await connection.close();
    },
  };
}
