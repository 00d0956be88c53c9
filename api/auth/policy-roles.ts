import type { Scope } from '../../store/api-key-store.ts';

/**
 * Policy roles a credential may hold. A policy's workflows say which role may send which event
 * (`workflows.*.events.*.roles`); an admin gives each API key the roles its holder plays, and the API
 * sends workflow events as the one role the policy needs among them.
 */

/** Roles of the shipped policies: assignable before any policy is published. */
export const standardRoles = ['registry', 'project_developer', 'verifier'] as const;

/** The workflows themselves act as `system` (timers, verification): no credential may. */
export const reservedRoles: readonly string[] = ['system'];

/** Same shape as a policy's role names (schemas/policy.schema.json `$defs/identifier`). */
export const roleNamePattern = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';

/** An organization's operator: it runs the registry and develops its projects, but does not verify. */
export const defaultAdminRoles: readonly string[] = ['registry', 'project_developer'];

/**
 * Roles a key gets when its creator names none: an admin key the operator's; a `review:write` key the
 * verifier's (the scope implies the role); any other key none. Verifying is never an admin default:
 * an independent verifier gets its own key.
 */
export function defaultRolesFor(scopes: readonly Scope[]): string[] {
  if (scopes.includes('admin')) return [...defaultAdminRoles];
  return scopes.includes('review:write') ? ['verifier'] : [];
}

/** What a key acts as: the roles assigned at creation, or the defaults of its scopes (older keys). */
export function effectiveRoles(assigned: readonly string[] | undefined, scopes: readonly Scope[]): string[] {
  return [...(assigned ?? defaultRolesFor(scopes))];
}
