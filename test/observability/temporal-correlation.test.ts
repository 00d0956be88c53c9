import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlation } from '../../observability/correlation.ts';
import { createLogger } from '../../observability/logger.ts';
import { clientObservability } from '../../observability/temporal/worker-observability.ts';
import { temporalAddress } from '../support/services.ts';
import { startCorrelatedWorker } from './support/correlated-worker.ts';
import { metricValue } from './support/metric-value.ts';

const secretApiKey = 'mrv_live_4f9c2a7d1e8b6035';

describe('correlation id from the API edge through a Temporal workflow into an activity', () => {
  const taskQueue = `observability-${process.pid}-${Date.now()}`;
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(line) },
  });
  let client: Client;
  let connection: Connection;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    stopWorker = await startCorrelatedWorker({ taskQueue, logger: logger });
    connection = await Connection.connect({ address: temporalAddress() });
    client = new Client({ connection, interceptors: clientObservability() });
  });

  afterAll(async () => {
    await stopWorker?.();
    await connection?.close();
  });

  /** The API side: one route that runs the workflow for the request, as the product's routes do. */
  function api() {
    const app = new Hono();
    app.use(correlation({ logger }));
    app.post('/run/:label', async (c) => {
      const label = c.req.param('label');
      const seen = await client.workflow.execute('correlatedWorkflow', {
        taskQueue,
        workflowId: `correlated/${taskQueue}/${label}`,
        args: [{ label, apiKey: secretApiKey }],
      });
      return c.json({ seen });
    });
    return app;
  }

  function activityLines(label: string) {
    return lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'activity ran' && entry.label === label);
  }

  it('puts the caller’s x-request-id on the activity’s log line and redacts the secret in it', async () => {
    const res = await api().request('/run/given', {
      method: 'POST',
      headers: { 'x-request-id': 'req-abc-123' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    expect(await res.json()).toEqual({ seen: 'req-abc-123' });

    const [entry] = activityLines('given');
    expect(entry?.correlationId).toBe('req-abc-123');
    expect(entry?.apiKey).toBe('[redacted]');
    expect(lines.join('')).not.toContain(secretApiKey);
    const access = lines
      .map((l) => JSON.parse(l))
      .find((e) => e.msg === 'request' && e.path === '/run/given');
    expect(access?.correlationId).toBe('req-abc-123');
  });

  it('makes a correlation id at the edge when the request has none and carries that one through', async () => {
    const res = await api().request('/run/fresh', { method: 'POST' });
    const made = res.headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ seen: made });
    expect(activityLines('fresh')[0]?.correlationId).toBe(made);
  });

  it('uses the trace id of a W3C traceparent as the correlation id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await api().request('/run/traced', {
      method: 'POST',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(await res.json()).toEqual({ seen: traceId });
    expect(activityLines('traced')[0]?.correlationId).toBe(traceId);
  });

  it('replaces an x-request-id that tries to forge JSON log fields with a fresh id', async () => {
    const res = await api().request('/run/hostile', {
      method: 'POST',
      headers: { 'x-request-id': 'evil", "level":60,"msg":"forged' },
    });
    const made = res.headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(activityLines('hostile')[0]?.correlationId).toBe(made);
  });

  it('counts workflow starts, completions and failures by workflow type', async () => {
    const started = await metricValue('mrv_workflows_started_total', { workflow_type: 'failingWorkflow' });
    const failed = await metricValue('mrv_workflows_failed_total', { workflow_type: 'failingWorkflow' });
    await expect(
      client.workflow.execute('failingWorkflow', { taskQueue, workflowId: `failing/${taskQueue}` }),
    ).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(await metricValue('mrv_workflows_started_total', { workflow_type: 'failingWorkflow' })).toBe(
      started + 1,
    );
    expect(await metricValue('mrv_workflows_failed_total', { workflow_type: 'failingWorkflow' })).toBe(
      failed + 1,
    );

    // The earlier tests ran correlatedWorkflow to completion; its activity attempts were timed.
    expect(
      await metricValue('mrv_workflows_completed_total', { workflow_type: 'correlatedWorkflow' }),
    ).toBeGreaterThanOrEqual(4);
    expect(
      await metricValue(
        'mrv_activity_duration_seconds',
        { activity_type: 'recordStep', outcome: 'completed' },
        'count',
      ),
    ).toBeGreaterThanOrEqual(4);
  });
});
