import type { Hono } from 'hono';
import { credentialStore } from '../../store/credential-store.ts';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { registerProjectPlant } from '../register-project-plant.ts';
import { mountRoute } from '../route.ts';

const registrationSchema = namedSchema('ProjectRegistration', {
  type: 'object',
  description: "One registry-attested version of a project's plant (a ProjectRegistration credential)",
  properties: {
    id: { type: 'string', description: 'The credential id' },
    project_id: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    effective_from: { type: 'string', format: 'date-time' },
    issuer: { type: 'string', description: "The registry principal's DID" },
    issued_at: { type: 'string', format: 'date-time' },
    credential: { type: 'object', description: 'The signed W3C verifiable credential' },
  },
  required: ['id', 'project_id', 'version', 'effective_from', 'issuer', 'issued_at', 'credential'],
});

const registrationListSchema = namedSchema('ProjectRegistrationList', {
  type: 'object',
  properties: { data: { type: 'array', items: registrationSchema } },
  required: ['data'],
});

type Stored = Awaited<ReturnType<typeof registerProjectPlant>>;
const registrationJson = (r: Stored) => {
  const subject = r.credential.credentialSubject as { version: number; effectiveFrom: string };
  return {
    id: r._id,
    project_id: r.projectId,
    version: subject.version,
    effective_from: subject.effectiveFrom,
    issuer: String(r.credential.issuer),
    issued_at: r.issuedAt.toISOString(),
    credential: r.credential,
  };
};

/**
 * `POST /v1/projects/{projectId}/registrations` (the registry attests the plant as it stands, as a
 * new version) and `GET` (every version). Periods are computed from the version in force at their
 * start; the auditor recomputes from the same one.
 */
export function registerProjectsRegistrations(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const path = '/v1/projects/{projectId}/registrations';
  const params = { projectId: idSchema('prj') };
  mountRoute<{ effective_from: string }>(
    app,
    ctx,
    {
      method: 'post',
      path,
      operationId: 'registerProjectPlant',
      summary: "Register the project's plant as the registry (a new ProjectRegistration version)",
      description:
        'Needs the registry role. effective_from may precede today: readings the plant produced before ' +
        'its registration count from then on (a date far ahead leaves the version unused until then). ' +
        '503 when no key store is configured.',
      tag: 'Projects',
      auth: 'any',
      params,
      body: {
        kind: 'json',
        schema: {
          type: 'object',
          properties: {
            effective_from: {
              type: 'string',
              format: 'date-time',
              maxLength: 40,
              description: 'From when this version is in force',
            },
          },
          required: ['effective_from'],
          additionalProperties: false,
        },
      },
      responses: { 201: { description: 'The registered version', schema: registrationSchema } },
      example: { effective_from: '2026-01-01T00:00:00Z' },
    },
    async (c, { params, body, principal }) => {
      if (!principal.roles.includes('registry')) {
        throw new ApiError(
          'FORBIDDEN_ROLE',
          `only the registry registers a plant; this credential acts as ${principal.roles.join(', ') || 'no role'}`,
          { extensions: { required_roles: ['registry'], roles: principal.roles } },
        );
      }
      const keyStore = ctx.pki.ca?.keyStore;
      if (!keyStore)
        throw new ApiError('PKI_UNAVAILABLE', 'no key store is configured to sign the registration');
      const stored = await registerProjectPlant({ db: ctx.db, keyStore, now: ctx.clock }, principal.tenant, {
        projectId: params.projectId!,
        registry: { id: principal.keyId },
        effectiveFrom: body.effective_from,
      });
      return c.json(registrationJson(stored), 201);
    },
  );
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path,
      operationId: 'listProjectRegistrations',
      summary: "Every registered version of the project's plant",
      tag: 'Projects',
      auth: 'any',
      params,
      responses: { 200: { description: 'The versions, oldest first', schema: registrationListSchema } },
    },
    async (c, { params, principal }) => {
      const project = await projectStore(ctx.db).get(principal.tenant, params.projectId!);
      if (!project) throw new ApiError('NOT_FOUND', `no project ${params.projectId}`);
      const versions = await credentialStore(ctx.db).list(principal.tenant, {
        type: 'ProjectRegistration',
        projectId: project._id,
      });
      return c.json({ data: versions.map(registrationJson) });
    },
  );
}
