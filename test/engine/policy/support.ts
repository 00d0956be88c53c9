import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CheckedPolicy, parsePolicy } from '../../../engine/policy/index.ts';

export const policiesDir = fileURLToPath(new URL('../../../policies/', import.meta.url));
export const amsSource = readFileSync(`${policiesDir}hydro-ams-i-d.yaml`, 'utf8');
export const acmSource = readFileSync(`${policiesDir}hydro-acm0002.yaml`, 'utf8');

/** The shipped AMS-I.D policy, checked. */
export function amsPolicy(): CheckedPolicy {
  const { policy, problems } = parsePolicy(amsSource, 'hydro-ams-i-d.yaml');
  if (!policy) throw new Error(`shipped policy invalid: ${JSON.stringify(problems)}`);
  return policy;
}

export function acmPolicy(): CheckedPolicy {
  const { policy, problems } = parsePolicy(acmSource, 'hydro-acm0002.yaml');
  if (!policy) throw new Error(`shipped policy invalid: ${JSON.stringify(problems)}`);
  return policy;
}

/** Replaces the first occurrence of `find` (which must exist) — a broken fixture derived from a valid policy. */
export function mutate(source: string, find: string, replace: string): string {
  const at = source.indexOf(find);
  if (at < 0) throw new Error(`fixture marker not found: ${find}`);
  return source.slice(0, at) + replace + source.slice(at + find.length);
}

/** 1-based line of the first occurrence of `marker`. */
export function lineOf(source: string, marker: string): number {
  const at = source.indexOf(marker);
  if (at < 0) throw new Error(`marker not found: ${marker}`);
  return source.slice(0, at).split('\n').length;
}
