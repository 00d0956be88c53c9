import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import { ConfigError } from '../config/config-error.ts';

/** A running tracer: registered globally, exporting spans, with the Temporal plugin to match. */
export interface Tracing {
  provider: NodeTracerProvider;
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Pass to `Worker.create({ plugins })` and `new Client({ plugins })`: traces cross into workflows and activities. */
  temporalPlugin: OpenTelemetryPlugin;
  /** Flushes pending spans and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Reads `OTEL_EXPORTER_OTLP_ENDPOINT` (the OTLP/HTTP base URL, e.g. http://otel-collector:4318).
 * Unset means tracing is off. Throws `ConfigError` naming the variable when it is not an http(s) URL.
 */
export function tracingEndpointFromEnv(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const value = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', `must be an http(s) URL, got '${value}'`);
  }
  return value;
}

/**
 * Starts OpenTelemetry tracing for one process (`api` or `worker`), or returns undefined when
 * neither an endpoint nor an exporter is given: tracing is off by default and costs nothing then
 * (the API's calls go to OpenTelemetry's no-op tracer). Spans go to `<endpoint>/v1/traces` over
 * OTLP/HTTP; tests pass an in-memory `exporter` instead.
 */
export function startTracing(options: {
  serviceName: string;
  endpoint?: string;
  exporter?: SpanExporter;
  /** Export span by span instead of in batches (tests; the default batches). */
  unbatched?: boolean;
}): Tracing | undefined {
  if (!options.endpoint && !options.exporter) return undefined;
  const exporter =
    options.exporter ?? new OTLPTraceExporter({ url: `${options.endpoint!.replace(/\/+$/, '')}/v1/traces` });
  const spanProcessor = options.unbatched
    ? new SimpleSpanProcessor(exporter)
    : new BatchSpanProcessor(exporter);
  const resource = new Resource({ 'service.name': options.serviceName, 'service.namespace': 'mrv' });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // Global registration installs the AsyncLocalStorage context manager and the W3C propagator, which
  // the Temporal interceptors and the HTTP middleware use to find the active span.
  provider.register();
  return {
    provider,
    resource,
    spanProcessor,
    temporalPlugin: new OpenTelemetryPlugin({ resource, spanProcessor }),
    shutdown: () => provider.shutdown(),
  };
}
