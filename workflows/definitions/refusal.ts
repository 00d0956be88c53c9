import { ApplicationFailure } from '@temporalio/workflow';
import { checkEvent } from '../../engine/policy/check-event.ts';
import type { CompiledWorkflow } from '../../engine/policy/compile-policy.ts';
import type { PolicyEvent } from '../../engine/policy/guard-function.ts';
import { type RefusalKind, refusalTypes } from '../failure-types.ts';

/** An Update validator's refusal, typed by its kind (failure-types.ts `refusalTypes`). */
export function refusal(message: string, kind: RefusalKind): ApplicationFailure {
  return ApplicationFailure.create({ message, type: refusalTypes[kind], nonRetryable: true });
}

/**
 * Refuses `event` from `role` if the policy does not allow it (engine/policy checkEvent): a
 * `role` refusal when the event is declared but not for this role, else a `state` refusal.
 */
export function assertEventAllowed(workflow: CompiledWorkflow, event: PolicyEvent, role: string): void {
  const problems = checkEvent(workflow, event, role);
  if (problems.length === 0) return;
  const declared = Object.hasOwn(workflow.events, event.type) ? workflow.events[event.type] : undefined;
  const roleRefused = declared !== undefined && !declared.roles.includes(role);
  throw refusal(problems.join('; '), roleRefused ? 'role' : 'state');
}
