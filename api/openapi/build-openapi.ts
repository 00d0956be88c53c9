import { sample } from 'openapi-sampler';
import type { scopes } from '../../store/api-key-store.ts';
import type { ApiContext } from '../api-context.ts';
import { problemSchema } from '../api-schemas.ts';
import type { RouteSpec } from '../route.ts';
import type { JsonSchema } from '../schema-validator.ts';
import { API_VERSION } from './api-version.ts';
import { createSchemaComponents } from './schema-components.ts';
import { idempotencyKeyParameter, sharedResponses } from './shared-components.ts';

const scopeDescriptions: Record<(typeof scopes)[number], string> = {
  'telemetry:write': 'Submit telemetry',
  'readings:read': 'Read readings, reviews, periods, issuances and mints',
  'review:write': 'Decide reviews of flagged readings',
  'policy:write': 'Upload, validate and publish policies',
  'token:mint': 'Close periods (starts issuance and minting)',
  admin: 'Everything, including keys, projects and devices',
};

const tagDescriptions: Record<string, string> = {
  Organizations: 'Register an organization and read it',
  'API keys': 'Create, rotate and revoke API keys (scopes and policy roles)',
  OAuth: 'OAuth2 client credentials: short-lived access tokens and their verification keys',
  Policies: 'Upload, check and publish policy files; read published versions',
  Projects: 'Plants bound to a published policy version',
  Devices: 'Provision or register devices and drive their policy lifecycle',
  Telemetry: 'Signed telemetry v1 documents from devices',
  Readings: 'Readings with their verdicts and findings',
  Reviews: 'Human review of flagged readings',
  'Periods and issuance': 'Monitoring periods, issuances, mints and their trust chains',
  Audit: 'The hash-chained audit log',
};

type Components = ReturnType<typeof createSchemaComponents>;

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The body shapes of one route as the document shows them: named, or named after the operation. */
function responseEntries(spec: RouteSpec, components: Components) {
  const base = pascal(spec.operationId);
  const withSchema = Object.entries(spec.responses).filter(([, r]) => r.schema);
  const distinct = new Set(withSchema.map(([, r]) => r.schema));
  return Object.entries(spec.responses).map(([status, r]) => {
    const suffix = distinct.size > 1 ? `${status}Result` : 'Result';
    const schema = r.schema ? components.named(`${base}${suffix}`, r.schema) : undefined;
    return [status, { ...r, schema }] as const;
  });
}

function operation(spec: RouteSpec, components: Components): Record<string, unknown> {
  const parameters: unknown[] = [];
  for (const [name, schema] of Object.entries(spec.params ?? {})) {
    parameters.push({ name, in: 'path', required: true, schema: components.use(schema) });
  }
  const query = spec.query as { properties?: Record<string, JsonSchema>; required?: string[] } | undefined;
  for (const [name, schema] of Object.entries(query?.properties ?? {})) {
    parameters.push({
      name,
      in: 'query',
      required: query?.required?.includes(name) ?? false,
      schema: components.use(schema),
    });
  }
  if (spec.method === 'post' && spec.auth !== 'public') {
    parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, r] of responseEntries(spec, components)) {
    const media = r.contentType ?? 'application/json';
    const content: Record<string, unknown> = { [media]: r.schema ? { schema: r.schema } : {} };
    for (const alt of r.also ?? []) {
      content[alt.contentType] = alt.schema ? { schema: components.use(alt.schema) } : {};
    }
    // 204 No Content has no body to describe (generators would otherwise expect one).
    responses[status] =
      status === '204' ? { description: r.description } : { description: r.description, content };
  }
  for (const status of sharedStatuses(spec))
    responses[status] ??= { $ref: `#/components/responses/${status}` };
  responses.default = { $ref: '#/components/responses/Problem' };
  const op: Record<string, unknown> = {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    parameters,
    responses,
  };
  if (spec.description) op.description = spec.description;
  if (spec.auth === 'public') op.security = spec.security ?? [];
  else {
    const needed = spec.auth === 'any' ? [] : [spec.auth];
    op.security = [{ apiKey: [] }, { apiKeyHeader: [] }, { oauth2: needed }];
    op['x-required-scope'] = spec.auth;
  }
  const body = spec.body;
  if (body) {
    const name = `${pascal(spec.operationId)}Request`;
    const schema = body.schema ? components.named(name, body.schema) : undefined;
    const types = body.kind === 'json' ? ['application/json'] : body.contentTypes;
    const content = Object.fromEntries(
      types.map((t) => [
        t,
        { ...(schema ? { schema } : {}), ...(spec.example ? { example: spec.example } : {}) },
      ]),
    );
    op.requestBody = { required: true, content };
  }
  return op;
}

/** Problem answers every route of a kind can give, declared so clients and fuzzers expect them. */
function sharedStatuses(spec: RouteSpec): string[] {
  const out: string[] = [];
  if (spec.body || spec.query || spec.params) out.push('400');
  if (spec.auth !== 'public') out.push('401', '403', '429');
  else if (spec.limitedPerAddress) out.push('429');
  if (spec.params) out.push('404');
  if (spec.body?.kind === 'json' || spec.body?.kind === 'text') out.push('413', '415');
  if (spec.method === 'post' && spec.auth !== 'public') out.push('409', '422');
  return out;
}

/** An example for every request and 2xx JSON body that has none, sampled from its schema. */
function addExamples(doc: Record<string, unknown>): void {
  const paths = doc.paths as Record<string, Record<string, Record<string, any>>>;
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      const media = [
        ...Object.values(op.requestBody?.content ?? {}),
        ...Object.entries(op.responses as Record<string, any>)
          .filter(([s]) => s.startsWith('2'))
          .flatMap(([, r]) => Object.values(r.content ?? {})),
      ] as { schema?: JsonSchema; example?: unknown }[];
      for (const m of media) {
        if (m.schema && m.example === undefined) {
          m.example = sample(
            m.schema as never,
            { skipReadOnly: true, quiet: true, enablePatterns: true },
            doc,
          );
        }
      }
    }
  }
}

/**
 * The OpenAPI 3.1 document, generated from the mounted route definitions (the same schemas that
 * validate requests) and `schemas/` files. Every body and shared shape is a named component
 * (docs/api/openapi.md says how routes keep it that way).
 */
export function buildOpenApi(ctx: ApiContext): Record<string, unknown> {
  const components = createSchemaComponents(ctx.validator.files);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of ctx.routes) {
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method] = operation(spec, components);
  }
  components.named('Problem', problemSchema);
  const doc: Record<string, unknown> = {
    // No jsonSchemaDialect: 2020-12 is 3.1's default, and Swagger UI warns on any explicit value.
    openapi: '3.1.0',
    info: {
      title: 'Hydro MRV API',
      version: API_VERSION,
      description:
        'Measurement, reporting and verification for hydropower carbon credits. Authenticate with an API key (`Authorization: Bearer mrv_live_…` or `X-API-Key`) or an OAuth2 client-credentials access token. Errors are RFC 9457 problem+json (`Problem`). A method a path does not declare answers 405 with `Allow`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: ctx.publicUrl }],
    tags: [...new Set(ctx.routes.map((r) => r.tag))].map((name) => ({
      name,
      description: tagDescriptions[name] ?? `${name} operations`,
    })),
    paths,
    components: {
      schemas: components.components,
      parameters: { IdempotencyKey: idempotencyKeyParameter },
      responses: sharedResponses,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key `mrv_live_…` as a bearer token' },
        apiKeyHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'An API key `mrv_live_…`',
        },
        clientBasic: {
          type: 'http',
          scheme: 'basic',
          description: 'OAuth2 client authentication: the API key prefix as user, the API key as password',
        },
        oauth2: {
          type: 'oauth2',
          flows: {
            clientCredentials: { tokenUrl: `${ctx.publicUrl}/oauth/token`, scopes: scopeDescriptions },
          },
        },
      },
    },
  };
  addExamples(doc);
  return doc;
}
