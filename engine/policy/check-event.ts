import type { CompiledWorkflow } from './compile-policy.ts';
import type { PolicyEvent } from './guard-function.ts';
import { fieldTypeOf } from './policy-document.ts';

/**
 * Why an event may not be sent to a workflow: undeclared, sent by a role that may not send it, or a
 * payload that does not match the declaration. Empty when it may. Hosts call this before stepping.
 *
 * @example
 * checkEvent(wf, { type: 'approve', comment: 'ok' }, 'verifier') // []
 */
export function checkEvent(workflow: CompiledWorkflow, event: PolicyEvent, role: string): string[] {
  const decl = Object.hasOwn(workflow.events, event.type) ? workflow.events[event.type] : undefined;
  if (!decl) return [`${workflow.name} has no event '${event.type}'`];
  const problems: string[] = [];
  if (!decl.roles.includes(role)) {
    problems.push(`role '${role}' may not send '${event.type}' (allowed: ${decl.roles.join(', ')})`);
  }
  for (const [name, type] of Object.entries(decl.payload ?? {})) {
    const f = fieldTypeOf(type);
    const v = event[name];
    if (v === undefined) continue; // missing fields make guards false; required-ness is the host's call
    const ok =
      f.type === 'number'
        ? typeof v === 'number' && Number.isFinite(v)
        : f.type === 'integer'
          ? typeof v === 'number' && Number.isSafeInteger(v)
          : f.type === 'boolean'
            ? typeof v === 'boolean'
            : typeof v === 'string' && (!f.enum || f.enum.includes(v));
    if (!ok)
      problems.push(`${event.type}.${name} must be ${f.enum ? `one of ${f.enum.join(', ')}` : f.type}`);
  }
  for (const name of Object.keys(event)) {
    if (name !== 'type' && !Object.hasOwn(decl.payload ?? {}, name))
      problems.push(`${event.type} has no field '${name}'`);
  }
  return problems;
}
