import { type CheckedPolicy, parsePolicy, policyHash } from '../engine/policy/index.ts';
import type { PolicyDraft } from '../store/policy-store.ts';

/** Runs the engine's full static check on a source; never throws. */
export function checkPolicySource(
  source: string,
  fileName: string,
): { policy?: CheckedPolicy; fields: Pick<PolicyDraft, 'valid' | 'problems'> & Partial<PolicyDraft> } {
  const { policy, problems } = parsePolicy(source, fileName);
  const fields: Pick<PolicyDraft, 'valid' | 'problems'> & Partial<PolicyDraft> = {
    valid: policy !== undefined,
    problems: problems.slice(0, 200).map(({ line, col, code, message }) => ({ line, col, code, message })),
  };
  if (policy) {
    fields.policyId = policy.document.id;
    fields.version = policy.document.version;
    fields.title = policy.document.title;
    fields.hash = policyHash(policy);
  }
  return policy ? { policy, fields } : { fields };
}

export function policyDraftJson(draft: PolicyDraft) {
  return {
    id: draft._id,
    file_name: draft.fileName,
    valid: draft.valid,
    problems: draft.problems,
    policy_id: draft.policyId ?? null,
    version: draft.version ?? null,
    title: draft.title ?? null,
    hash: draft.hash ?? null,
    published_as: draft.publishedAs ?? null,
    created_at: draft.createdAt.toISOString(),
    checked_at: draft.checkedAt.toISOString(),
  };
}
