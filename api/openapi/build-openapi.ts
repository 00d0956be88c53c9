import type { scopes } from '../../store/api-key-store.ts';
import type { ApiContext } from '../api-context.ts';
import { problemSchema } from '../api-schemas.ts';
import type { RouteSpec } from '../route.ts';
import type { JsonSchema } from '../schema-validator.ts';

const scopeDescriptions: Record<(typeof scopes)[number], string> = {
  'telemetry:write': 'Submit telemetry',
  'readings:read': 'Read readings, reviews, periods, issuances and mints',
  'review:write': 'Decide reviews of flagged readings',
  'policy:write': 'Upload, validate and publish policies',
  'token:mint': 'Close periods (starts issuance and minting)',
  admin: 'Everything, including keys, projects and devices',
};

/** Replaces `$ref`s to `schemas/` files (by `$id`) with links to where we publish them. */
function linkSchemaFiles(value: unknown, byId: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => linkSchemaFiles(v, byId));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // A ref may point into a file (`<$id>#/$defs/meter`): the fragment stays on the link.
    const [base = '', fragment] = typeof v === 'string' ? v.split('#') : [];
    out[k] =
      k === '$ref' && byId.has(base)
        ? `/schemas/${byId.get(base)}${fragment === undefined ? '' : `#${fragment}`}`
        : linkSchemaFiles(v, byId);
  }
  return out;
}

function operation(spec: RouteSpec): Record<string, unknown> {
  const parameters: unknown[] = [];
  for (const [name, schema] of Object.entries(spec.params ?? {})) {
    parameters.push({ name, in: 'path', required: true, schema });
  }
  const query = spec.query as { properties?: Record<string, JsonSchema>; required?: string[] } | undefined;
  for (const [name, schema] of Object.entries(query?.properties ?? {})) {
    parameters.push({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema });
  }
  if (spec.method === 'post' && spec.auth !== 'public') {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Replays the stored answer of the first request with this key for 24 hours.',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const media = r.contentType ?? 'application/json';
    responses[status] = {
      description: r.description,
      content: { [media]: r.schema ? { schema: r.schema } : {} },
    };
  }
  responses.default = {
    description: 'An error (RFC 9457 problem details)',
    content: { 'application/problem+json': { schema: problemSchema } },
  };
  const op: Record<string, unknown> = {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    parameters,
    responses,
  };
  if (spec.description) op.description = spec.description;
  if (spec.auth === 'public') op.security = [];
  else {
    const needed = spec.auth === 'any' ? [] : [spec.auth];
    op.security = [{ apiKey: [] }, { oauth2: needed }];
    op['x-required-scope'] = spec.auth;
  }
  if (spec.body?.kind === 'json') {
    op.requestBody = { required: true, content: { 'application/json': { schema: spec.body.schema } } };
  } else if (spec.body?.kind === 'text') {
    const content = Object.fromEntries(
      spec.body.contentTypes.map((t) => [t, spec.body?.schema ? { schema: spec.body.schema } : {}]),
    );
    op.requestBody = { required: true, content };
  }
  return op;
}

/**
 * The OpenAPI 3.1 document, generated from the mounted route definitions (the same schemas that
 * validate requests) and `schemas/` files, which it links rather than copies.
 */
export function buildOpenApi(ctx: ApiContext): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of ctx.routes) {
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method] = operation(spec);
  }
  const byId = new Map([...ctx.validator.files].map(([file, schema]) => [schema.$id as string, file]));
  return linkSchemaFiles(
    {
      openapi: '3.1.0',
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
      info: {
        title: 'Hydro MRV API',
        version: '1.0.0',
        description:
          'Measurement, reporting and verification for hydropower carbon credits. Authenticate with an API key (`Authorization: Bearer mrv_live_…`) or an OAuth2 client-credentials access token. Errors are RFC 9457 problem+json.',
      },
      servers: [{ url: ctx.publicUrl }],
      paths,
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key `mrv_live_…`' },
          oauth2: {
            type: 'oauth2',
            flows: {
              clientCredentials: { tokenUrl: `${ctx.publicUrl}/oauth/token`, scopes: scopeDescriptions },
            },
          },
        },
      },
    },
    byId,
  ) as Record<string, unknown>;
}
