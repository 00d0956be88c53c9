import { type CompiledPolicy, compilePolicy } from '../../engine/policy/compile-policy.ts';
import type { CheckedPolicy, PolicyDocument } from '../../engine/policy/policy-document.ts';
import type { ProjectOverrides } from '../../engine/policy/resolve-parameters.ts';

/**
 * What a workflow pins at start: the policy document (as validated by an activity), its hash and the
 * project's parameter overrides. It travels through continue-as-new, so a running workflow keeps
 * the policy version it started with even after a new version is published.
 */
export interface PinnedPolicy {
  hash: string;
  document: PolicyDocument;
  overrides: ProjectOverrides;
}

const cache = new Map<string, CompiledPolicy>();

/**
 * Compiles the pinned policy inside the workflow sandbox (pure and deterministic), once per hash and
 * overrides per worker. The document was checked by `parsePolicy` in the activity that loaded it.
 */
export function compiledPolicyOf(pinned: PinnedPolicy): CompiledPolicy {
  const key = `${pinned.hash}:${JSON.stringify(pinned.overrides)}`;
  let compiled = cache.get(key);
  if (!compiled) {
    const checked = {
      document: pinned.document,
      fileName: `policy@${pinned.hash}`,
      __checked: true,
    } as CheckedPolicy;
    compiled = compilePolicy(checked, { overrides: pinned.overrides });
    cache.set(key, compiled);
  }
  return compiled;
}
