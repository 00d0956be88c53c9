// Loaded into the workflow sandbox (Worker option `interceptors.workflowModules`): deterministic code
// only, no Node built-ins. Every workflow execution gets its own closure from `interceptors()`.
import {
  ContinueAsNew,
  defaultPayloadConverter,
  type Next,
  proxySinks,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import { correlationHeader, correlationIdPattern } from './correlation-header.ts';
import type { MrvObservabilitySinks } from './sinks.ts';

type Headers = Record<string, import('@temporalio/common').Payload>;

const { mrvMetrics } = proxySinks<MrvObservabilitySinks>();

function readCorrelationId(headers: Headers): string | undefined {
  const payload = headers[correlationHeader];
  if (!payload) return undefined;
  const value: unknown = defaultPayloadConverter.fromPayload(payload);
  return typeof value === 'string' && correlationIdPattern.test(value) ? value : undefined;
}

/**
 * Carries the correlation id that started this workflow (header `mrv-correlation-id`) onto its log
 * lines and into every activity, child workflow, signal and continue-as-new it issues, and reports
 * start/completion/failure to the metrics sink.
 */
export const interceptors = (): WorkflowInterceptors => {
  let correlationId: string | undefined;

  const withHeader = <I extends { readonly headers: Headers }>(input: I): I =>
    correlationId === undefined || input.headers[correlationHeader]
      ? input
      : {
          ...input,
          headers: {
            ...input.headers,
            [correlationHeader]: defaultPayloadConverter.toPayload(correlationId),
          },
        };

  const inbound: WorkflowInboundCallsInterceptor = {
    async execute(input, next: Next<WorkflowInboundCallsInterceptor, 'execute'>) {
      correlationId = readCorrelationId(input.headers);
      mrvMetrics.workflowStarted();
      try {
        const result = await next(input);
        mrvMetrics.workflowCompleted();
        return result;
      } catch (error) {
        // A continue-as-new ends this run on purpose: the next run counts as a new start.
        if (error instanceof ContinueAsNew) mrvMetrics.workflowCompleted();
        else mrvMetrics.workflowFailed();
        throw error;
      }
    },
  };

  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => next(withHeader(input)),
    scheduleLocalActivity: (input, next) => next(withHeader(input)),
    startChildWorkflowExecution: (input, next) => next(withHeader(input)),
    signalWorkflow: (input, next) => next(withHeader(input)),
    continueAsNew: (input, next) => next(withHeader(input)),
    getLogAttributes: (input, next) =>
      next(correlationId === undefined ? input : { ...input, correlationId }),
  };

  return { inbound: [inbound], outbound: [outbound] };
};
