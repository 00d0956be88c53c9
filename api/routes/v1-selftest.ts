import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Db } from 'mongodb';
import { selfTestStore } from '../../store/self-test-store.ts';
import type { WorkflowGateway } from '../../workflows/client.ts';
import { problemResponse } from '../problem.ts';

/**
 * `POST /v1/selftest` runs one round trip API → Temporal workflow → worker activity → MongoDB and
 * answers with the record read back; `GET /v1/selftest/{id}` reads it again. Operators use it to
 * prove a deployment end to end.
 */
export function registerSelfTestRoutes(app: Hono, deps: { db: Db; workflows: WorkflowGateway }): void {
  const store = selfTestStore(deps.db);
  app.post('/v1/selftest', async (c) => {
    const probeId = randomUUID();
    const { workflowId } = await deps.workflows.runSelfTest({
      probeId,
      requestedAt: new Date().toISOString(),
    });
    const record = await store.get(probeId);
    return c.json({ id: probeId, workflow_id: workflowId, record }, 201);
  });
  app.get('/v1/selftest/:id', async (c) => {
    const id = c.req.param('id');
    const record = /^[0-9a-f-]{36}$/.test(id) ? await store.get(id) : null;
    if (!record)
      return problemResponse(c, 404, 'NOT_FOUND', 'No such self-test', {
        detail: `self-test ${id} does not exist`,
      });
    return c.json({ id, record });
  });
}
