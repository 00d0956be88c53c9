import type { Point } from '../template/edge-template.ts';

/** One read of one point: a value, or a gap with its reason. A failed read is never a zero. */
export type Sample = { value: number } | { gap: string };

/**
 * What every protocol module implements. `collect` never throws for a failed read: it answers a gap.
 * It throws only when the connection itself is gone, so that the caller reconnects (with backoff).
 */
export interface Collector {
  readonly protocol: string;
  connect(): Promise<void>;
  collect(point: Point): Promise<Sample>;
  close(): Promise<void>;
}

/** A connection-level failure: the caller drops the connection and reconnects with backoff. */
export class ConnectionLost extends Error {
  override name = 'ConnectionLost';
}

export function isGap(sample: Sample): sample is { gap: string } {
  return 'gap' in sample;
}
