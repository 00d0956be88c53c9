import { logLinesTotal } from './metrics.ts';

/** How the shipper batches; the defaults suit one API or worker process. */
export interface LogShipperOptions {
  /** VictoriaLogs base URL, e.g. http://127.0.0.1:9428 (LOG_STORE_URL). */
  url: string;
  /** Send as soon as this many lines wait… */
  batchLines?: number;
  /** …or this long after the oldest waiting line. */
  flushIntervalMs?: number;
  /** Lines kept while the log store is unreachable; beyond, the oldest are dropped and counted. */
  maxBufferedLines?: number;
  /** One HTTP push may take this long. */
  requestTimeoutMs?: number;
  /** Where the shipper reports its own trouble (it cannot log through itself). */
  report?: (message: string) => void;
}

export interface LogShipper {
  /** pino calls this with one serialized line; it only appends to memory, never waits. */
  write(line: string): void;
  /** Sends everything buffered now; resolves when the log store accepted it (or it failed). */
  flush(): Promise<void>;
  /** Final flush with retries; says on stderr how many lines could not be delivered, if any. */
  close(): Promise<void>;
  pending(): number;
}

/**
 * A pino destination that ships JSON lines to VictoriaLogs' JSON-lines endpoint in batches, off the
 * request path: `write` appends to a buffer, a timer or a full batch triggers one POST. A store
 * outage keeps the lines (up to `maxBufferedLines`) and retries on the next tick. VictoriaLogs
 * silently drops a body without Content-Type, so every push names `application/stream+json`.
 * Streams are split by logger name (api, worker, mrv); `msg` is the message and `time` the time.
 */
export function createLogShipper(options: LogShipperOptions): LogShipper {
  const batchLines = options.batchLines ?? 500;
  const flushIntervalMs = options.flushIntervalMs ?? 1000;
  const maxBuffered = options.maxBufferedLines ?? 50_000;
  const timeoutMs = options.requestTimeoutMs ?? 5000;
  const report = options.report ?? ((message) => process.stderr.write(`log shipper: ${message}\n`));
  const endpoint = new URL('/insert/jsonline', options.url);
  endpoint.searchParams.set('_stream_fields', 'name');
  endpoint.searchParams.set('_msg_field', 'msg');
  endpoint.searchParams.set('_time_field', 'time');

  let buffer: string[] = [];
  let inFlight: Promise<void> | undefined;
  let lastFailure: string | undefined;
  const timer = setInterval(() => void flush(), flushIntervalMs);
  timer.unref();

  async function push(lines: string[]): Promise<void> {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/stream+json' },
      body: lines.join(''),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`the log store answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }

  function flush(): Promise<void> {
    if (inFlight) return inFlight.then(() => (buffer.length > 0 ? flush() : undefined));
    if (buffer.length === 0) return Promise.resolve();
    const lines = buffer;
    buffer = [];
    inFlight = push(lines)
      .then(() => {
        logLinesTotal.inc({ outcome: 'shipped' }, lines.length);
        if (lastFailure) report(`delivering again after: ${lastFailure}`);
        lastFailure = undefined;
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!lastFailure) report(`cannot reach ${options.url} (${message}); keeping lines and retrying`);
        lastFailure = message;
        // Oldest first, as they were; over the bound the oldest go, counted.
        buffer = [...lines, ...buffer];
        const excess = buffer.length - maxBuffered;
        if (excess > 0) {
          buffer = buffer.slice(excess);
          logLinesTotal.inc({ outcome: 'dropped' }, excess);
        }
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    write(line) {
      buffer.push(line.endsWith('\n') ? line : `${line}\n`);
      if (buffer.length >= batchLines && !inFlight) void flush();
    },
    flush,
    pending: () => buffer.length,
    async close() {
      clearInterval(timer);
      for (let attempt = 0; attempt < 3 && buffer.length + (inFlight ? 1 : 0) > 0; attempt++) {
        await flush();
        if (buffer.length > 0) await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
      if (buffer.length > 0) {
        logLinesTotal.inc({ outcome: 'dropped' }, buffer.length);
        report(`${buffer.length} log lines could not be delivered to ${options.url}: ${lastFailure}`);
        buffer = [];
      }
    },
  };
}
