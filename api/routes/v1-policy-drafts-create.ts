import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { parse } from 'yaml';
import { newId } from '../../store/ids.ts';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { checkPolicySource, policyDraftJson } from '../policy-check.ts';
import { policyDraftSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';
import { schemaFileRef } from '../schema-validator.ts';

// The document's example body: a shipped policy (its parsed form; the wire form is its YAML text).
const examplePolicy = new URL('../../policies/hydro-ams-i-d.yaml', import.meta.url);

export const yamlMediaTypes = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** `POST /v1/policy-drafts`: upload a policy (YAML body); it is checked at once and kept as a draft. */
export function registerPolicyDraftsCreate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute<{ text: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/policy-drafts',
      operationId: 'uploadPolicyDraft',
      summary: 'Upload a policy draft (YAML); the answer lists every problem found',
      description: 'The body is a policy file per schemas/policy.schema.json, as YAML.',
      tag: 'Policies',
      auth: 'policy:write',
      query: {
        type: 'object',
        properties: { file_name: { type: 'string', pattern: '^[\\w.-]{1,100}$', default: 'policy.yaml' } },
        additionalProperties: false,
      },
      body: {
        kind: 'text',
        contentTypes: yamlMediaTypes,
        schema: schemaFileRef(ctx.validator.files, 'policy.schema.json'),
      },
      responses: { 201: { description: 'The draft with its check result', schema: policyDraftSchema } },
      get example() {
        return parse(readFileSync(examplePolicy, 'utf8')) as unknown;
      },
    },
    async (c, { body, query, principal }) => {
      const now = ctx.clock();
      const fileName = query.file_name as string;
      const { fields } = checkPolicySource(body.text, fileName);
      const draft = await policies.insertDraft(principal.tenant, {
        _id: newId('pdr'),
        fileName,
        source: body.text,
        createdAt: now,
        checkedAt: now,
        ...fields,
      });
      return c.json(policyDraftJson(draft), 201);
    },
  );
}
