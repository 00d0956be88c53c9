import { MongoClient } from 'mongodb';
import { createLogger } from '../../observability/logger.ts';
import type { WorkflowGateway } from '../../workflows/client.ts';
import type { ApiContext } from '../api-context.ts';
import { createApp } from '../app.ts';
import { buildOpenApi } from './build-openapi.ts';

/**
 * The OpenAPI document of the routes `createApp` mounts, built without any server: for
 * `npm run sdk:generate` and `npm run openapi`. Nothing connects — a MongoClient only dials on
 * its first operation and the route definitions never run a handler here.
 */
export function openApiDocument(publicUrl = 'http://127.0.0.1:8080'): Record<string, unknown> {
  const db = new MongoClient('mongodb://127.0.0.1:9/never-dialled').db('openapi');
  let ctx: ApiContext | undefined;
  createApp({
    db,
    workflows: {} as WorkflowGateway,
    checks: [],
    logger: createLogger({ level: 'silent' }),
    publicUrl,
    onContext: (c) => {
      ctx = c;
    },
  });
  return buildOpenApi(ctx!);
}
