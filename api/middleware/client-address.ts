import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ApiEnv } from '../env.ts';

/**
 * The address a request came from: the TCP peer. Requests made in-process (`app.request`, tests)
 * have none and share one budget. Behind a reverse proxy every client shares the proxy's address,
 * so the proxy should limit public routes per client itself (docs/architecture.md).
 */
export function clientAddress(c: Context<ApiEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}
