import { Environment } from '@marcbachmann/cel-js';
import { parseUnit } from '../units/index.ts';

/** CEL type of a value visible to an expression; `unit` makes a double a quantity. */
export interface ScalarType {
  cel: 'double' | 'int' | 'bool' | 'string';
  unit?: string;
}

/** What an expression may name: variables (parameters, inputs, formulas) and, in guards, `event`. */
export interface ExpressionScope {
  variables: Record<string, ScalarType>;
  event?: Record<string, ScalarType>;
}

/** Parser limits keep hostile expressions cheap: small trees, shallow nesting. */
const limits = {
  maxAstNodes: 400,
  maxDepth: 32,
  maxListElements: 64,
  maxMapEntries: 64,
  maxCallArguments: 8,
};

/**
 * The functions every policy expression may call, on top of CEL's standard library. `q(x, 'unit')`
 * writes a quantity literal (`q(10.0, 'W/m2')`); at run time it yields the value in coherent base units,
 * which is the scale every numeric variable is evaluated in.
 */
const base = new Environment({ unlistedVariablesAreDyn: false, limits })
  .registerFunction('max(double, double): double', (a: number, b: number) => Math.max(a, b))
  .registerFunction('min(double, double): double', (a: number, b: number) => Math.min(a, b))
  .registerFunction('abs(double): double', (a: number) => Math.abs(a))
  .registerFunction('floor(double): double', (a: number) => Math.floor(a))
  .registerFunction('ceil(double): double', (a: number) => Math.ceil(a))
  .registerFunction('q(double, string): double', (v: number, unit: string) => quantity(v, unit))
  .registerFunction('q(int, string): double', (v: bigint, unit: string) => quantity(Number(v), unit));

function quantity(value: number, unit: string): number {
  const u = parseUnit(unit);
  return value * u.factor + u.offset;
}

/** Names taken by CEL or by the policy language itself; no parameter, input or formula may use them. */
export const reservedNames: ReadonlySet<string> = new Set([
  'event',
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
  'max',
  'min',
  'abs',
  'floor',
  'ceil',
  'q',
  'int',
  'uint',
  'double',
  'string',
  'bool',
  'bytes',
  'list',
  'map',
  'type',
  'dyn',
  'has',
  'size',
]);

let eventTypeCounter = 0;
const MAX_CACHED = 128;
const cache = new Map<string, Environment>();

/**
 * A CEL environment in which exactly the scope's names exist with their declared CEL types. Cached by
 * scope: a policy's formulas share one scope and its guards a few, and building one is not free.
 */
export function environmentFor(scope: ExpressionScope): Environment {
  const key = JSON.stringify(scope);
  const hit = cache.get(key);
  if (hit) return hit;
  const env = build(scope);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, env);
  return env;
}

function build(scope: ExpressionScope): Environment {
  const env = base.clone();
  for (const [name, type] of Object.entries(scope.variables)) env.registerVariable(name, type.cel);
  if (scope.event) {
    const fields: Record<string, string> = {};
    for (const [name, type] of Object.entries(scope.event)) fields[name] = type.cel;
    // Each guard scope gets its own event type name; CEL types are registered per environment.
    eventTypeCounter = (eventTypeCounter + 1) % 1_000_000;
    const typeName = `Event${eventTypeCounter}`;
    env.registerType(typeName, { fields });
    env.registerVariable('event', typeName);
  }
  return env;
}
