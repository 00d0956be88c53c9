import { parsePolicy } from '../engine/policy/parse-policy.ts';
import type { PolicyDocument } from '../engine/policy/policy-document.ts';
import { policyStore } from '../store/policy-store.ts';
import type { Project } from '../store/project-store.ts';
import type { TenantScope } from '../store/tenant-scope.ts';
import type { ApiContext } from './api-context.ts';
import { ApiError } from './errors.ts';

/** Parsed policies by content hash: a published version never changes, so entries never go stale. */
const documents = new Map<string, PolicyDocument>();

/** The policy version a project is bound to, parsed (once per hash per process). */
export async function policyOfProject(
  ctx: ApiContext,
  tenant: TenantScope,
  project: Pick<Project, 'policy'>,
): Promise<PolicyDocument> {
  const cached = documents.get(project.policy.hash);
  if (cached) return cached;
  const version = await policyStore(ctx.db).getVersion(tenant, project.policy.versionId);
  const parsed = version ? parsePolicy(version.source, version.fileName).policy : undefined;
  if (!parsed) {
    // Published versions were checked at publication; this is a damaged database, not bad input.
    throw new ApiError('INTERNAL', `the project's policy version ${project.policy.versionId} cannot be read`);
  }
  if (documents.size > 200) documents.clear();
  documents.set(project.policy.hash, parsed.document);
  return parsed.document;
}
