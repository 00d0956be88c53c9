import type { PolicyVersion } from '../store/policy-store.ts';

export function policyVersionJson(v: PolicyVersion) {
  return {
    id: v._id,
    policy_id: v.policyId,
    version: v.version,
    title: v.title,
    hash: v.hash,
    file_name: v.fileName,
    draft_id: v.draftId,
    published_at: v.publishedAt.toISOString(),
  };
}
