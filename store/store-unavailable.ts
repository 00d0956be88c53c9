import {
  MongoClientClosedError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

/**
 * The driver's errors that mean "the database cannot be reached right now" — as opposed to a
 * refused command or a bug. Callers answer these with 503 + Retry-After, so a client (an edge
 * agent above all) keeps its reading and retries instead of treating the failure as final.
 */
const unavailable = [
  MongoServerSelectionError,
  MongoNetworkError, // includes MongoNetworkTimeoutError
  MongoNotConnectedError,
  MongoTopologyClosedError,
  MongoServerClosedError,
  MongoClientClosedError,
  MongoOperationTimeoutError,
];

/**
 * Socket errors the driver can surface unwrapped: writing to a connection the server closed a moment
 * ago (seen after `kill -9` of FerretDB: a plain `EPIPE` "This socket has been ended by the other party").
 */
const socketCodes = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ENOTCONN', 'ETIMEDOUT', 'ECONNABORTED']);

/**
 * A full disk under the store: FerretDB/SQLite answers "database or disk is full", MongoDB "No space
 * left on device". Not final for the client either — the reading is kept and retried once an
 * operator freed space (the chaos drill's disk-full fault).
 */
const diskFull = /database or disk is full|no space left on device/i;

/** True when `error`, or any error in its `cause` chain, says the database is unreachable. */
export function isStoreUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e);
    if (unavailable.some((type) => e instanceof type)) return true;
    if (socketCodes.has(String((e as { code?: unknown }).code))) return true;
    if (e instanceof MongoServerError && diskFull.test(e.message)) return true;
  }
  return false;
}
