import type { Project } from '../store/project-store.ts';

export function projectJson(p: Project) {
  return {
    id: p._id,
    plant_id: p.plantId,
    name: p.name,
    policy: {
      id: p.policy.versionId,
      policy_id: p.policy.policyId,
      version: p.policy.version,
      hash: p.policy.hash,
    },
    plant: p.plant,
    created_at: p.createdAt.toISOString(),
  };
}
