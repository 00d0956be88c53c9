import type { RefusalKind } from './failure-types.ts';

/**
 * A workflow refused a message: an Update's validator rejected it. `kind` says why: `role` (the
 * policy does not let the sender's role send it) or `state` (not possible now, already decided,
 * malformed). The message is the workflow's reason; nothing was recorded.
 */
export class WorkflowRefusedError extends Error {
  override readonly name = 'WorkflowRefusedError';
  readonly code = 'WORKFLOW_REFUSED';
  readonly kind: RefusalKind;
  constructor(message: string, options: { kind: RefusalKind; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.kind = options.kind;
  }
}
