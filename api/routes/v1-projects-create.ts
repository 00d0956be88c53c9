import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { parsePlant } from '../../engine/plant/index.ts';
import { newId } from '../../store/ids.ts';
import { policyStore } from '../../store/policy-store.ts';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { projectJson, projectSchema } from '../project-view.ts';
import { mountRoute } from '../route.ts';
import { schemaFileRef } from '../schema-validator.ts';

/** `POST /v1/projects`: a plant file (schemas/plant.schema.json) bound to a published policy version. */
// The document's example body: a shipped plant fixture.
const examplePlant = new URL('../../policies/fixtures/hydro-ams-i-d/plant-small.json', import.meta.url);

export function registerProjectsCreate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const projects = projectStore(ctx.db);
  const policies = policyStore(ctx.db);
  mountRoute<{ plant: Record<string, unknown>; policy_version_id: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/projects',
      operationId: 'createProject',
      summary: 'Create a project: a plant bound to a published policy version',
      tag: 'Projects',
      auth: 'admin',
      body: {
        kind: 'json',
        schema: {
          type: 'object',
          properties: {
            plant: schemaFileRef(ctx.validator.files, 'plant.schema.json'),
            policy_version_id: idSchema('pol'),
          },
          required: ['plant', 'policy_version_id'],
          additionalProperties: false,
        },
      },
      responses: { 201: { description: 'The project', schema: projectSchema } },
      get example() {
        const plant = JSON.parse(readFileSync(examplePlant, 'utf8')) as Record<string, unknown>;
        return { plant: { ...plant, devices: [] }, policy_version_id: 'pol_4fQ8GZc1Xk3mRr0pLs9TbW' };
      },
    },
    async (c, { body, principal }) => {
      const parsed = parsePlant(body.plant);
      if (!parsed.plant) {
        throw new ApiError('VALIDATION_FAILED', `the plant has ${parsed.problems.length} problem(s)`, {
          errors: parsed.problems.map((message) => ({ in: 'body' as const, pointer: '/plant', message })),
        });
      }
      const version = await policies.getVersion(principal.tenant, body.policy_version_id);
      if (!version) {
        throw new ApiError('NOT_FOUND', 'no such published policy version', {
          errors: [
            { in: 'body', pointer: '/policy_version_id', message: 'no such published policy version' },
          ],
        });
      }
      const project = await projects.insert(principal.tenant, {
        _id: newId('prj'),
        plantId: parsed.plant.plant_id,
        name: parsed.plant.name,
        plant: body.plant,
        policy: {
          versionId: version._id,
          policyId: version.policyId,
          version: version.version,
          hash: version.hash,
        },
        createdAt: ctx.clock(),
      });
      if (!project) throw new ApiError('CONFLICT', `a project for plant '${parsed.plant.plant_id}' exists`);
      return c.json(projectJson(project), 201);
    },
  );
}
