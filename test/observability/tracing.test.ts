import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Client, Connection } from '@temporalio/client';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../config/config-error.ts';
import { correlation } from '../../observability/correlation.ts';
import { httpTracing } from '../../observability/http-tracing.ts';
import { createLogger } from '../../observability/logger.ts';
import { clientObservability } from '../../observability/temporal/worker-observability.ts';
import { startTracing, type Tracing, tracingEndpointFromEnv } from '../../observability/tracing.ts';
import { temporalAddress } from '../support/services.ts';
import { startCorrelatedWorker } from './support/correlated-worker.ts';

describe('tracing switch', () => {
  it('is off when OTEL_EXPORTER_OTLP_ENDPOINT is unset or empty', () => {
    expect(tracingEndpointFromEnv({})).toBeUndefined();
    expect(tracingEndpointFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBeUndefined();
    expect(startTracing({ serviceName: 'api', endpoint: tracingEndpointFromEnv({}) })).toBeUndefined();
  });

  it('accepts an http(s) collector URL', () => {
    expect(tracingEndpointFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' })).toBe(
      'http://otel-collector:4318',
    );
  });

  it.each(['not a url', 'ftp://collector:21', 'javascript:alert(1)'])(
    'rejects %s naming the variable',
    (value) => {
      expect(() => tracingEndpointFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: value })).toThrow(ConfigError);
      expect(() => tracingEndpointFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: value })).toThrow(
        /OTEL_EXPORTER_OTLP_ENDPOINT/,
      );
    },
  );
});

describe('one trace across API → workflow → activity', () => {
  const taskQueue = `tracing-${process.pid}-${Date.now()}`;
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let client: Client;
  let connection: Connection;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'mrv-test', exporter, unbatched: true })!;
    stopWorker = await startCorrelatedWorker({
      taskQueue,
      logger: createLogger({ level: 'silent' }),
      plugins: [tracing.temporalPlugin],
    });
    connection = await Connection.connect({ address: temporalAddress() });
    client = new Client({
      connection,
      interceptors: clientObservability(),
      plugins: [tracing.temporalPlugin],
    });
  });

  afterAll(async () => {
    await stopWorker?.();
    await connection?.close();
    await tracing?.shutdown();
  });

  it('continues the caller’s traceparent through the workflow into the activity, keeping the correlation id', async () => {
    const app = new Hono();
    app.use(correlation());
    app.use(httpTracing());
    app.post('/run', async (c) => {
      const seen = await client.workflow.execute('correlatedWorkflow', {
        taskQueue,
        workflowId: `traced/${taskQueue}`,
        args: [{ label: 'traced', apiKey: 'k' }],
      });
      return c.json({ seen });
    });
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const res = await app.request('/run', {
      method: 'POST',
      headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` },
    });
    expect(await res.json()).toEqual({ seen: traceId });

    await vi.waitFor(
      () => {
        const names = exporter.getFinishedSpans().map((s) => s.name);
        expect(names).toEqual(
          expect.arrayContaining([
            'POST /run',
            'StartWorkflow:correlatedWorkflow',
            'RunWorkflow:correlatedWorkflow',
            'StartActivity:recordStep',
            'RunActivity:recordStep',
          ]),
        );
      },
      { timeout: 30_000, interval: 100 },
    );
    const spans = exporter.getFinishedSpans();
    const traced = spans.filter((s) => /POST \/run|correlatedWorkflow|recordStep/.test(s.name));
    expect(new Set(traced.map((s) => s.spanContext().traceId))).toEqual(new Set([traceId]));
    const server = spans.find((s) => s.name === 'POST /run')!;
    expect(server.attributes['mrv.correlation_id']).toBe(traceId);
    expect(server.attributes['http.route']).toBe('/run');
  });
});
