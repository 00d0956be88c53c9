import type { AnyMachineSnapshot } from 'xstate';
import type { ActionName } from '../../engine/policy/action-catalog.ts';
import type { CompiledWorkflow } from '../../engine/policy/compile-policy.ts';
import type { PolicyEvent } from '../../engine/policy/guard-function.ts';
import {
  type PolicyEffect,
  persistSnapshot,
  restoreSnapshot,
  startWorkflow,
  stepWorkflow,
} from '../../engine/policy/step-workflow.ts';

export interface ActionEffect {
  type: ActionName;
  params: Record<string, unknown>;
}

/** A pending policy timer: fires `event` at workflow time `fireAtMs` unless cancelled. */
interface PendingTimer {
  id: string;
  fireAtMs: number;
  event: { type: string };
}

/** What survives continue-as-new or is handed to a child workflow. */
export interface PersistedDriver {
  snapshot: unknown;
  timers: PendingTimer[];
}

/**
 * One instance of a compiled policy machine inside workflow code. Steps purely (engine/policy) and
 * keeps the machine's `after` timers as absolute workflow times, which the workflow turns into
 * Temporal timers by waiting with a timeout: durable, and replayed exactly.
 */
export class PolicyDriver {
  private snapshot: AnyMachineSnapshot;
  private readonly timers = new Map<string, PendingTimer>();

  private constructor(
    readonly workflow: CompiledWorkflow,
    snapshot: AnyMachineSnapshot,
  ) {
    this.snapshot = snapshot;
  }

  /** Enters the initial state; returns the driver and the entry actions to carry out. */
  static start(workflow: CompiledWorkflow, nowMs: number): { driver: PolicyDriver; actions: ActionEffect[] } {
    const first = startWorkflow(workflow);
    const driver = new PolicyDriver(workflow, first.snapshot);
    return { driver, actions: driver.absorb(first.effects, nowMs) };
  }

  static restore(workflow: CompiledWorkflow, persisted: PersistedDriver): PolicyDriver {
    const driver = new PolicyDriver(workflow, restoreSnapshot(workflow, persisted.snapshot));
    for (const t of persisted.timers) driver.timers.set(t.id, t);
    return driver;
  }

  persist(): PersistedDriver {
    return { snapshot: persistSnapshot(this.workflow, this.snapshot), timers: [...this.timers.values()] };
  }

  /** Applies an event; `null` when the current state does not accept it (nothing changes). */
  send(event: PolicyEvent, nowMs: number): ActionEffect[] | null {
    const step = stepWorkflow(this.workflow, this.snapshot, event);
    if (!step.handled) return null;
    this.snapshot = step.snapshot;
    return this.absorb(step.effects, nowMs);
  }

  can(event: PolicyEvent): boolean {
    return this.snapshot.status === 'active' && this.snapshot.can(event);
  }

  /** Events of timers that are due at `nowMs`, removed from the pending set, earliest first. */
  takeDueTimerEvents(nowMs: number): PolicyEvent[] {
    const due = [...this.timers.values()]
      .filter((t) => t.fireAtMs <= nowMs)
      .sort((a, b) => a.fireAtMs - b.fireAtMs);
    for (const t of due) this.timers.delete(t.id);
    return due.map((t) => ({ type: t.event.type }));
  }

  /** Milliseconds until the next timer fires, or undefined when none is pending. */
  msUntilNextTimer(nowMs: number): number | undefined {
    let next: number | undefined;
    for (const t of this.timers.values()) next = next === undefined ? t.fireAtMs : Math.min(next, t.fireAtMs);
    return next === undefined ? undefined : Math.max(0, next - nowMs);
  }

  get state(): string {
    return typeof this.snapshot.value === 'string'
      ? this.snapshot.value
      : JSON.stringify(this.snapshot.value);
  }

  get done(): boolean {
    return this.snapshot.status === 'done';
  }

  /** Keeps timer effects; returns the catalog actions in order. */
  private absorb(effects: PolicyEffect[], nowMs: number): ActionEffect[] {
    const actions: ActionEffect[] = [];
    for (const effect of effects) {
      if (effect.kind === 'start-timer') {
        this.timers.set(effect.id, { id: effect.id, fireAtMs: nowMs + effect.delayMs, event: effect.event });
      } else if (effect.kind === 'cancel-timer') {
        this.timers.delete(effect.id);
      } else {
        actions.push({ type: effect.type, params: effect.params });
      }
    }
    return actions;
  }
}
