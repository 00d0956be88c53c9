import type { Next, WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { currentCorrelationId } from '../correlation-context.ts';
import { correlationHeader } from './correlation-header.ts';

type Headers = Record<string, Payload>;

function correlationPayload(headers: Headers): Headers {
  const correlationId = currentCorrelationId();
  if (correlationId === undefined || headers[correlationHeader]) return headers;
  return { ...headers, [correlationHeader]: defaultPayloadConverter.toPayload(correlationId) };
}

/** Adds the current correlation id (when there is one and the call has none yet) to the headers. */
function withCorrelation<I extends { readonly headers: Headers }>(input: I): I {
  return { ...input, headers: correlationPayload(input.headers) };
}

/**
 * Client interceptor (Client option `interceptors.workflow`): every workflow start, signal and update
 * made while handling a request carries that request's correlation id in the `mrv-correlation-id`
 * header, where the workflow interceptors pick it up.
 */
export class CorrelationClientInterceptor implements WorkflowClientInterceptor {
  startWithDetails(
    input: Parameters<Next<WorkflowClientInterceptor, 'startWithDetails'>>[0],
    next: Next<WorkflowClientInterceptor, 'startWithDetails'>,
  ) {
    return next(withCorrelation(input));
  }
  signalWithStart(
    input: Parameters<Next<WorkflowClientInterceptor, 'signalWithStart'>>[0],
    next: Next<WorkflowClientInterceptor, 'signalWithStart'>,
  ) {
    return next(withCorrelation(input));
  }
  signal(
    input: Parameters<Next<WorkflowClientInterceptor, 'signal'>>[0],
    next: Next<WorkflowClientInterceptor, 'signal'>,
  ) {
    return next(withCorrelation(input));
  }
  startUpdate(
    input: Parameters<Next<WorkflowClientInterceptor, 'startUpdate'>>[0],
    next: Next<WorkflowClientInterceptor, 'startUpdate'>,
  ) {
    return next(withCorrelation(input));
  }
  startUpdateWithStart(
    input: Parameters<Next<WorkflowClientInterceptor, 'startUpdateWithStart'>>[0],
    next: Next<WorkflowClientInterceptor, 'startUpdateWithStart'>,
  ) {
    return next({
      ...input,
      workflowStartHeaders: correlationPayload(input.workflowStartHeaders),
      updateHeaders: correlationPayload(input.updateHeaders),
    });
  }
}
