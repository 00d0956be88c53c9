import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

/**
 * The route pattern of the handler that answered (`/v1/selftest/:id`), for use after `await next()`.
 * A request only middleware matched (app.use) and that ended 404 had no route: `unmatched`.
 */
export function respondingRoute(c: Context): string {
  const responding = matchedRoutes(c)[c.req.routeIndex];
  if (!responding) return 'unmatched';
  if (responding.method === 'ALL' && c.res.status === 404) return 'unmatched';
  return responding.path;
}
