import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import type { ActionName } from './action-catalog.ts';
import type { CompiledWorkflow } from './compile-policy.ts';
import type { PolicyEvent } from './guard-function.ts';

/** What a host must do after a step, in order: run an action, or start / cancel a durable timer. */
export type PolicyEffect =
  | { kind: 'action'; type: ActionName; params: Record<string, unknown> }
  | { kind: 'start-timer'; id: string; duration: string; delayMs: number; event: { type: string } }
  | { kind: 'cancel-timer'; id: string };

export interface StepResult {
  snapshot: AnyMachineSnapshot;
  effects: PolicyEffect[];
  /** False when the current state does not accept the event (it is ignored; nothing changed). */
  handled: boolean;
}

interface RawAction {
  type: string;
  params?: Record<string, unknown>;
}

function effectsOf(workflow: CompiledWorkflow, actions: readonly RawAction[]): PolicyEffect[] {
  const byMs = new Map(Object.entries(workflow.timers).map(([iso, ms]) => [ms, iso]));
  const effects: PolicyEffect[] = [];
  for (const a of actions) {
    const params = a.params ?? {};
    if (a.type === 'xstate.raise' && typeof params.delay === 'number') {
      const event = params.event as { type: string };
      const id = String(params.id ?? event.type);
      const duration = byMs.get(params.delay) ?? `PT${params.delay / 1000}S`;
      effects.push({ kind: 'start-timer', id, duration, delayMs: params.delay, event: { type: event.type } });
    } else if (a.type === 'xstate.cancel') {
      effects.push({ kind: 'cancel-timer', id: String(params.sendId) });
    } else if (!a.type.startsWith('xstate.')) {
      effects.push({ kind: 'action', type: a.type as ActionName, params: { ...params } });
    }
  }
  return effects;
}

/**
 * Enters a workflow's initial state. Pure (xstate `initialTransition`).
 *
 * @example
 * const { snapshot, effects } = startWorkflow(compiled.workflows.reading_review);
 * // effects: [{ kind: 'action', type: 'verify', params: {} }]
 */
export function startWorkflow(workflow: CompiledWorkflow): StepResult {
  const [snapshot, actions] = initialTransition(workflow.machine);
  return { snapshot, effects: effectsOf(workflow, actions as RawAction[]), handled: true };
}

/**
 * Applies one event (a sent event, or a fired timer's `{ type }`) and returns the next snapshot with the
 * effects to carry out. Pure (xstate `transition`); role and payload checks are `checkEvent`'s job.
 */
export function stepWorkflow(
  workflow: CompiledWorkflow,
  snapshot: AnyMachineSnapshot,
  event: PolicyEvent,
): StepResult {
  if (snapshot.status !== 'active' || !snapshot.can(event)) return { snapshot, effects: [], handled: false };
  const [next, actions] = transition(workflow.machine, snapshot, event);
  return { snapshot: next, effects: effectsOf(workflow, actions as RawAction[]), handled: true };
}

/** JSON-safe form of a snapshot, for Temporal history or a database. */
export function persistSnapshot(workflow: CompiledWorkflow, snapshot: AnyMachineSnapshot): unknown {
  return JSON.parse(JSON.stringify(workflow.machine.getPersistedSnapshot(snapshot)));
}

/** Restores a snapshot saved by `persistSnapshot`. */
export function restoreSnapshot(workflow: CompiledWorkflow, persisted: unknown): AnyMachineSnapshot {
  return workflow.machine.resolveState(persisted as Parameters<typeof workflow.machine.resolveState>[0]);
}
