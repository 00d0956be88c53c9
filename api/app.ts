import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Db } from 'mongodb';
import type { Logger } from '../observability/logger.ts';
import type { WorkflowGateway } from '../workflows/client.ts';
import { problemResponse } from './problem.ts';
import { type DependencyCheck, registerHealthRoutes } from './routes/health.ts';
import { registerSelfTestRoutes } from './routes/v1-selftest.ts';

export interface ApiDeps {
  db: Db;
  workflows: WorkflowGateway;
  checks: DependencyCheck[];
  logger: Logger;
}

/** Builds the Hono application. No I/O happens here: every dependency is passed in. */
export function createApp(deps: ApiDeps): Hono {
  const app = new Hono();
  registerHealthRoutes(app, { checks: deps.checks });
  registerSelfTestRoutes(app, deps);
  app.notFound((c) =>
    problemResponse(c, 404, 'NOT_FOUND', 'Not found', { detail: `no route ${c.req.method} ${c.req.path}` }),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      return problemResponse(c, error.status, 'HTTP_ERROR', error.message || 'Request failed');
    }
    deps.logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return problemResponse(c, 500, 'INTERNAL', 'Internal error', { detail: 'The error was logged.' });
  });
  return app;
}
