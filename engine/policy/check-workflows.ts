import { parseUnit, sameDimension } from '../units/index.ts';
import { type ActionSpec, actionCatalog, statusesOf, systemRole } from './action-catalog.ts';
import { checkExpression } from './check-expression.ts';
import type { ExpressionScope, ScalarType } from './expression-environment.ts';
import { hostAnswers } from './host-contract.ts';
import { isoDurationMs } from './iso-duration.ts';
import {
  type ActionDecl,
  actionOf,
  type FieldType,
  fieldTypeOf,
  type PolicyDocument,
  type TransitionsDecl,
  transitionsOf,
  type WorkflowDecl,
  type WorkflowName,
  workflowNames,
} from './policy-document.ts';
import type { ProblemSink } from './problem-sink.ts';
import type { SourcePath } from './source-locator.ts';

/** CEL types of payload fields: datetimes, DIDs and hashes are strings in events. */
export function scalarTypeOf(field: FieldType): ScalarType {
  const f = fieldTypeOf(field);
  if (f.type === 'number') return f.unit ? { cel: 'double', unit: f.unit } : { cel: 'double' };
  if (f.type === 'integer') return { cel: 'int' };
  if (f.type === 'boolean') return { cel: 'bool' };
  return { cel: 'string' };
}

/** Parameters as guard/formula variables: doubles carrying their declared unit. */
export function parameterScope(policy: PolicyDocument): Record<string, ScalarType> {
  const out: Record<string, ScalarType> = {};
  for (const [name, p] of Object.entries(policy.parameters ?? {}))
    out[name] = { cel: 'double', unit: p.unit };
  return out;
}

/**
 * Checks every workflow: references (states, events, roles, credentials), guards (CEL types and units),
 * actions against the catalog, timers, reachability and dead ends.
 */
export function checkWorkflows(policy: PolicyDocument, sink: ProblemSink): void {
  for (const name of workflowNames) {
    const wf = policy.workflows[name];
    if (wf) checkWorkflow(policy, name, wf, sink);
  }
}

function checkWorkflow(
  policy: PolicyDocument,
  name: WorkflowName,
  wf: WorkflowDecl,
  sink: ProblemSink,
): void {
  const base: SourcePath = ['workflows', name];
  const states = wf.states;
  const roles = new Set([...Object.keys(policy.roles), systemRole]);
  const params = parameterScope(policy);

  for (const [event, decl] of Object.entries(wf.events)) {
    const path = [...base, 'events', event];
    if (decl.roles.length === 0)
      sink.at([...path, 'roles'], 'unsendable-event', `event '${event}' has no role that may send it`);
    decl.roles.forEach((role, i) => {
      if (!roles.has(role))
        sink.at(
          [...path, 'roles', i],
          'unknown-role',
          `unknown role '${role}' (declared: ${[...roles].join(', ')})`,
        );
    });
    for (const [field, type] of Object.entries(decl.payload ?? {}))
      checkFieldUnit(type, [...path, 'payload', field], sink);
  }

  if (!Object.hasOwn(states, wf.initial)) {
    sink.at(
      [...base, 'initial'],
      'unknown-state',
      `initial state '${wf.initial}' is not declared in ${name}.states`,
    );
  }
  const edges = new Map<string, Set<string>>();
  for (const [stateName, state] of Object.entries(states)) {
    const path = [...base, 'states', stateName];
    const out = new Set<string>();
    edges.set(stateName, out);
    checkActions(state.entry, [...path, 'entry'], name, policy, sink);
    checkActions(state.exit, [...path, 'exit'], name, policy, sink);
    const hasOn = Object.keys(state.on ?? {}).length > 0;
    const hasAfter = Object.keys(state.after ?? {}).length > 0;
    if (state.final && (hasOn || hasAfter)) {
      sink.at([...path, 'final'], 'schema', `final state '${stateName}' cannot have transitions (on/after)`);
    }
    if (!state.final && !hasOn && !hasAfter) {
      sink.at(path, 'dead-end-state', `state '${stateName}' is not final and has no transition out`, 'key');
    }
    for (const [event, decl] of Object.entries(state.on ?? {})) {
      const eventPath = [...path, 'on', event];
      const eventDecl = Object.hasOwn(wf.events, event) ? wf.events[event] : undefined;
      if (!eventDecl)
        sink.at(eventPath, 'unknown-event', `event '${event}' is not declared in ${name}.events`, 'key');
      const scope: ExpressionScope = { variables: params, event: payloadScope(eventDecl?.payload) };
      checkTransitions(decl, eventPath, { name, states, out, scope, policy, sink });
    }
    for (const [duration, decl] of Object.entries(state.after ?? {})) {
      const timerPath = [...path, 'after', duration];
      if (isoDurationMs(duration) === undefined) {
        sink.at(
          timerPath,
          'invalid-duration',
          `'${duration}' is not a fixed-length ISO 8601 duration between PT1S and P3650D (years and months are calendar-dependent)`,
          'key',
        );
      }
      checkTransitions(decl, timerPath, {
        name,
        states,
        out,
        scope: { variables: params, event: {} },
        policy,
        sink,
      });
    }
  }
  reportUnreachable(wf, edges, base, sink);
  checkHostAnswers(wf, base, sink);
}

/** Every action whose host answers with an event needs that event declared with the contract's payload. */
function checkHostAnswers(wf: WorkflowDecl, base: SourcePath, sink: ProblemSink): void {
  const used = new Set<string>();
  for (const state of Object.values(wf.states)) {
    const lists = [state.entry, state.exit];
    for (const decl of [...Object.values(state.on ?? {}), ...Object.values(state.after ?? {})]) {
      for (const t of transitionsOf(decl)) lists.push(t.actions);
    }
    for (const list of lists) for (const a of list ?? []) used.add(actionOf(a).name);
  }
  for (const action of used) {
    const answer = Object.hasOwn(hostAnswers, action) ? hostAnswers[action] : undefined;
    if (!answer) continue;
    const decl = Object.hasOwn(wf.events, answer.event) ? wf.events[answer.event] : undefined;
    if (!decl) {
      sink.at(
        [...base, 'events'],
        'unknown-event',
        `action '${action}' answers with event '${answer.event}', which is not declared`,
        'key',
      );
      continue;
    }
    for (const [field, want] of Object.entries(answer.payload)) {
      const got = decl.payload?.[field];
      const f = got === undefined ? undefined : fieldTypeOf(got);
      const unitOk = !want.emission || (f?.unit !== undefined && safeEmission(f.unit));
      if (!f || f.type !== want.type || !unitOk) {
        sink.at(
          [...base, 'events', answer.event],
          'schema',
          `event '${answer.event}' must declare payload field ${field}: ${want.type}${want.emission ? ' with an emission unit (tCO2e)' : ''}`,
          'key',
        );
      }
    }
  }
}

function safeEmission(unit: string): boolean {
  try {
    return sameDimension(parseUnit(unit).dimension, parseUnit('tCO2e').dimension);
  } catch {
    return false;
  }
}

interface TransitionContext {
  name: WorkflowName;
  states: WorkflowDecl['states'];
  out: Set<string>;
  scope: ExpressionScope;
  policy: PolicyDocument;
  sink: ProblemSink;
}

function checkTransitions(decl: TransitionsDecl, path: SourcePath, ctx: TransitionContext): void {
  const list = transitionsOf(decl);
  const single = !Array.isArray(decl);
  list.forEach((t, i) => {
    const tPath = single ? path : [...path, i];
    if (i > 0 && list[i - 1]!.guard === undefined) {
      ctx.sink.at(
        tPath,
        'shadowed-transition',
        `never taken: transition ${i} follows one without a guard, which always wins`,
      );
    }
    if (t.target !== undefined) {
      if (Object.hasOwn(ctx.states, t.target)) ctx.out.add(t.target);
      else
        ctx.sink.at(
          typeof decl === 'string' ? path : [...tPath, 'target'],
          'unknown-state',
          `no state '${t.target}' in ${ctx.name}`,
        );
    }
    if (t.guard !== undefined) {
      const { issues } = checkExpression(t.guard, ctx.scope, { kind: 'bool' });
      ctx.sink.inExpression([...tPath, 'guard'], issues, 'guard');
    }
    checkActions(t.actions, [...tPath, 'actions'], ctx.name, ctx.policy, ctx.sink);
  });
}

function payloadScope(payload: Record<string, FieldType> | undefined): Record<string, ScalarType> {
  const out: Record<string, ScalarType> = {};
  for (const [field, type] of Object.entries(payload ?? {})) out[field] = scalarTypeOf(type);
  return out;
}

export function checkFieldUnit(type: FieldType, path: SourcePath, sink: ProblemSink): void {
  const f = fieldTypeOf(type);
  if (f.unit === undefined) return;
  if (f.type !== 'number') sink.at(path, 'invalid-unit', `only number fields carry a unit`);
  try {
    parseUnit(f.unit);
  } catch (error) {
    sink.at(typeof type === 'string' ? path : [...path, 'unit'], 'invalid-unit', (error as Error).message);
  }
}

function checkActions(
  actions: ActionDecl[] | undefined,
  path: SourcePath,
  wf: WorkflowName,
  policy: PolicyDocument,
  sink: ProblemSink,
): void {
  (actions ?? []).forEach((decl, i) => {
    const { name, params } = actionOf(decl);
    const aPath = [...path, i];
    const spec: ActionSpec | undefined = Object.hasOwn(actionCatalog, name)
      ? actionCatalog[name as keyof typeof actionCatalog]
      : undefined;
    if (!spec) return; // the schema already reported it
    if (!spec.workflows.includes(wf)) {
      sink.at(
        aPath,
        'invalid-action',
        `action '${name}' cannot run in ${wf} (only in ${spec.workflows.join(', ')})`,
      );
    }
    for (const [param, value] of Object.entries(params)) {
      const p = Object.hasOwn(spec.params, param)
        ? (spec.params[param as keyof typeof spec.params] as ActionSpec['params'][string])
        : undefined;
      const pPath = [...aPath, name, param];
      if (!p) {
        sink.at(
          pPath,
          'invalid-action',
          `action '${name}' has no parameter '${param}' (has: ${Object.keys(spec.params).join(', ') || 'none'})`,
          'key',
        );
        continue;
      }
      if (typeof value !== 'string') {
        sink.at(pPath, 'invalid-action', `${name}.${param} must be a string`);
        continue;
      }
      if (p.kind === 'role' && value !== systemRole && !Object.hasOwn(policy.roles, value)) {
        sink.at(pPath, 'unknown-role', `unknown role '${value}'`);
      }
      const known =
        Object.hasOwn(policy.credentials, value) || (p.kind === 'document' && value === 'reading');
      if ((p.kind === 'credential' || p.kind === 'document') && !known) {
        sink.at(
          pPath,
          'unknown-credential',
          `unknown credential schema '${value}' (declared: ${Object.keys(policy.credentials).join(', ')})`,
        );
      }
      if (p.kind === 'status' && !statusesOf[wf].includes(value)) {
        sink.at(pPath, 'invalid-action', `status '${value}' is not one of ${statusesOf[wf].join(', ')}`);
      }
    }
    for (const [param, p] of Object.entries(spec.params) as [string, ActionSpec['params'][string]][]) {
      if (p.required && !Object.hasOwn(params, param))
        sink.at(aPath, 'invalid-action', `action '${name}' needs parameter '${param}'`);
    }
  });
}

function reportUnreachable(
  wf: WorkflowDecl,
  edges: Map<string, Set<string>>,
  base: SourcePath,
  sink: ProblemSink,
): void {
  if (!edges.has(wf.initial)) return;
  const seen = new Set([wf.initial]);
  const queue = [wf.initial];
  while (queue.length > 0) {
    for (const next of edges.get(queue.shift()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  for (const state of edges.keys()) {
    if (!seen.has(state))
      sink.at(
        [...base, 'states', state],
        'unreachable-state',
        `state '${state}' cannot be reached from '${wf.initial}'`,
        'key',
      );
  }
}
