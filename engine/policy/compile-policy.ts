import { type AnyStateMachine, setup } from 'xstate';
import { guardFunction, type PolicyEvent } from './guard-function.ts';
import { isoDurationMs } from './iso-duration.ts';
import {
  type ActionDecl,
  actionOf,
  type CheckedPolicy,
  type EventDecl,
  type TransitionsDecl,
  transitionsOf,
  type WorkflowName,
  workflowNames,
} from './policy-document.ts';
import { type ProjectOverrides, resolveParameters } from './resolve-parameters.ts';

/** One workflow of a compiled policy: the XState machine plus what a host needs to drive it. */
export interface CompiledWorkflow {
  name: WorkflowName;
  machine: AnyStateMachine;
  /** Events the workflow accepts, who may send them and their payload declarations. */
  events: Readonly<Record<string, EventDecl>>;
  /** Durable timers by ISO 8601 duration (the machine's named delays), in milliseconds. */
  timers: Readonly<Record<string, number>>;
  /** States that are final. */
  finalStates: readonly string[];
}

export interface CompiledPolicy {
  id: string;
  version: string;
  parameters: Readonly<Record<string, number>>;
  workflows: Readonly<Record<WorkflowName, CompiledWorkflow>>;
}

/** Plain-data form of a catalog action, as it appears in machine configs and in stepped effects. */
function actionData(decls: ActionDecl[] | undefined): { type: string; params: Record<string, unknown> }[] {
  return (decls ?? []).map((d) => {
    const { name, params } = actionOf(d);
    return { type: name, params: { ...params } };
  });
}

/**
 * Compiles a checked policy into one XState v5 machine per workflow. Pure and free of Node built-ins
 * (Temporal workflow code may import this file and `step-workflow.ts` directly): guards are CEL closures
 * over the project's parameter values, actions are plain `{ type, params }` data from the action
 * catalog (no implementations), and `after` timers are named delays (`P7D`) whose length is in
 * `timers`. Step the machines with xstate's `initialTransition` / `transition` (see `stepWorkflow`).
 *
 * @example
 * const compiled = compilePolicy(policy);
 * const [snapshot, actions] = initialTransition(compiled.workflows.reading_review.machine);
 */
export function compilePolicy(
  policy: CheckedPolicy,
  options: { overrides?: ProjectOverrides } = {},
): CompiledPolicy {
  const doc = policy.document;
  const parameterValues = resolveParameters(policy, options.overrides);
  const workflows = {} as Record<WorkflowName, CompiledWorkflow>;
  for (const name of workflowNames) {
    const wf = doc.workflows[name];
    const guards: Record<string, (args: { event: PolicyEvent }) => boolean> = {};
    const delays: Record<string, number> = {};
    const finalStates: string[] = [];
    const compileTransitions = (decl: TransitionsDecl, eventDecl: EventDecl | undefined, key: string) =>
      transitionsOf(decl).map((t, i) => {
        const out: Record<string, unknown> = { actions: actionData(t.actions) };
        if (t.target !== undefined) out.target = t.target;
        if (t.guard !== undefined) {
          const guardName = `${key}#${i}`;
          const fn = guardFunction({ policy: doc, source: t.guard, event: eventDecl, parameterValues });
          guards[guardName] = ({ event }) => fn(event);
          out.guard = guardName;
        }
        return out;
      });
    const states: Record<string, unknown> = {};
    for (const [stateName, state] of Object.entries(wf.states)) {
      const config: Record<string, unknown> = {
        entry: actionData(state.entry),
        exit: actionData(state.exit),
      };
      if (state.final) {
        config.type = 'final';
        finalStates.push(stateName);
      }
      if (state.description) config.description = state.description;
      const on: Record<string, unknown> = {};
      for (const [event, decl] of Object.entries(state.on ?? {})) {
        on[event] = compileTransitions(decl, wf.events[event], `${stateName}.on.${event}`);
      }
      const after: Record<string, unknown> = {};
      for (const [duration, decl] of Object.entries(state.after ?? {})) {
        delays[duration] = isoDurationMs(duration)!;
        after[duration] = compileTransitions(decl, undefined, `${stateName}.after.${duration}`);
      }
      if (Object.keys(on).length > 0) config.on = on;
      if (Object.keys(after).length > 0) config.after = after;
      states[stateName] = config;
    }
    const machine = setup({ guards, delays }).createMachine({
      id: name,
      initial: wf.initial,
      context: {},
      states,
    } as never) as unknown as AnyStateMachine;
    workflows[name] = { name, machine, events: wf.events, timers: delays, finalStates };
  }
  return {
    id: doc.id,
    version: doc.version,
    parameters: parameterValues,
    workflows,
  };
}
