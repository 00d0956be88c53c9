/** Closed set of reasons a checked policy cannot be applied as asked. */
export type PolicyErrorCode =
  | 'INVALID_POLICY'
  | 'UNKNOWN_PARAMETER'
  | 'OVERRIDE_NOT_ALLOWED'
  | 'OVERRIDE_OUT_OF_BOUNDS'
  | 'VERSION_CONFLICT'
  | 'UNKNOWN_WORKFLOW'
  | 'INVALID_SCENARIO'
  | 'UNKNOWN_CLAIM';

/** An error applying a policy (overrides, publication); static problems are `PolicyProblem`s instead. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
