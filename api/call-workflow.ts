import { WorkflowRefusedError } from '../workflows/workflow-refused-error.ts';
import { ApiError } from './errors.ts';

export type WorkflowAnswer<T> = { answered: true; value: T } | { answered: false };

/** The workflow's refusal as the API's error: a role it refused is 403, anything else is 409. */
export function refusalError(error: WorkflowRefusedError): ApiError {
  return new ApiError(error.kind === 'role' ? 'FORBIDDEN_ROLE' : 'INVALID_STATE', error.message, {
    cause: error,
    extensions: { workflow_reason: error.message },
  });
}

/**
 * Waits up to `waitMs` for a workflow message's answer. A refusal becomes 403/409 with the
 * workflow's reason; an unreachable Temporal 503. Not answering in time is not an error: the
 * workflow may still be running the event's side effects (issuing, anchoring, minting), and the
 * caller then answers 202 and lets the client follow the resource.
 */
export async function callWorkflow<T>(call: Promise<T>, waitMs: number): Promise<WorkflowAnswer<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<WorkflowAnswer<T>>((resolve) => {
    timer = setTimeout(() => resolve({ answered: false }), waitMs);
  });
  try {
    return await Promise.race([call.then((value) => ({ answered: true as const, value })), late]);
  } catch (error) {
    if (error instanceof WorkflowRefusedError) throw refusalError(error);
    throw new ApiError('WORKFLOW_UNAVAILABLE', 'the workflow service could not be reached; retry', {
      cause: error,
      headers: { 'retry-after': '5' },
    });
  } finally {
    clearTimeout(timer);
    // A late failure must not become an unhandled rejection.
    call.catch(() => undefined);
  }
}
