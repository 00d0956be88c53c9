import type { Hono } from 'hono';
import { mermaidOf, workflowNames } from '../../engine/policy/index.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { checkPolicySource } from '../policy-check.ts';
import { policyCheckSchema } from '../policy-workspace-schemas.ts';
import { mountRoute } from '../route.ts';
import { yamlMediaTypes } from './v1-policy-drafts-create.ts';

/**
 * `POST /v1/policy-checks`: the policy checker on a source that is not stored — what an editor calls
 * as the author types — with each workflow as a Mermaid diagram when the policy is valid.
 */
export function registerPolicyChecks(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute<{ text: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/policy-checks',
      operationId: 'checkPolicySource',
      summary: 'Check a policy source without storing it (problems at line:col, workflow diagrams)',
      tag: 'Policies',
      auth: 'policy:write',
      body: { kind: 'text', contentTypes: yamlMediaTypes },
      responses: { 200: { description: 'The check result', schema: policyCheckSchema } },
    },
    async (c, { body }) => {
      const { policy, fields } = checkPolicySource(body.text, 'policy.yaml');
      const workflows = policy
        ? Object.fromEntries(workflowNames.map((name) => [name, mermaidOf(policy, name)]))
        : {};
      return c.json({
        valid: fields.valid,
        problems: fields.problems,
        policy_id: fields.policyId ?? null,
        version: fields.version ?? null,
        hash: fields.hash ?? null,
        workflows,
      });
    },
  );
}
