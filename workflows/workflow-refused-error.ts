/**
 * A workflow refused a message: an Update's validator rejected it (wrong role, not possible in the
 * current state, already decided). The message is the workflow's reason; nothing was recorded.
 */
export class WorkflowRefusedError extends Error {
  override readonly name = 'WorkflowRefusedError';
  readonly code = 'WORKFLOW_REFUSED';
}
