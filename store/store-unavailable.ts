import {
  MongoClientClosedError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
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

/** True when `error`, or any error in its `cause` chain, says the database is unreachable. */
export function isStoreUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e);
    if (unavailable.some((type) => e instanceof type)) return true;
  }
  return false;
}
