import type { PolicyDocument, WorkflowName } from '../engine/policy/policy-document.ts';
import type { Actor } from '../workflows/definitions/messages.ts';
import type { Principal } from './env.ts';
import { ApiError } from './errors.ts';

/**
 * The actor a workflow event is sent as: the caller, in the first role the policy lists for the
 * event that the caller holds (the policy's order states who normally acts: `[verifier, registry]`
 * sends a verifier's decision as the verifier even when the same key also runs the registry).
 * 403 when the caller holds none, naming the roles the policy allows.
 */
export function actorFor(
  principal: Principal,
  input: { policy: PolicyDocument; workflow: WorkflowName; event: string },
): Actor {
  const events = input.policy.workflows[input.workflow].events;
  const allowed = Object.hasOwn(events, input.event) ? events[input.event]!.roles : [];
  const role = allowed.find((r) => principal.roles.includes(r));
  if (!role) {
    throw new ApiError(
      'FORBIDDEN_ROLE',
      `the policy lets ${allowed.length > 0 ? allowed.join(' or ') : 'no one'} send '${input.event}'; this credential acts as ${principal.roles.length > 0 ? principal.roles.join(', ') : 'no role'}`,
      { extensions: { required_roles: allowed, roles: principal.roles } },
    );
  }
  return { id: principal.keyId, role };
}
