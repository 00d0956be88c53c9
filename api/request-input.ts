import type { Context } from 'hono';
import type { ApiEnv } from './env.ts';
import { ApiError, type FieldError } from './errors.ts';
import type { RouteSpec } from './route.ts';
import type { JsonSchema, SchemaValidator } from './schema-validator.ts';

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function isJsonMedia(type: string): boolean {
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

/** Path, query and body of a request, parsed and validated against the route's schemas. */
export async function parseInput(
  c: Context<ApiEnv>,
  validator: SchemaValidator,
  spec: RouteSpec,
): Promise<{ params: Record<string, string>; query: Record<string, unknown>; body: unknown }> {
  const errors: FieldError[] = [];
  const params = c.req.param() as Record<string, string>;
  if (spec.params) {
    const schema: JsonSchema = { type: 'object', properties: spec.params };
    errors.push(...validator.validate('path', schema, params));
  }
  const query: Record<string, unknown> = { ...c.req.query() };
  if (spec.query) errors.push(...validator.validate('query', spec.query, query));
  if (errors.length > 0) {
    // An invalid id cannot name a resource of this organization: answer as for a missing one.
    if (errors.every((e) => e.in === 'path')) throw new ApiError('NOT_FOUND', 'no such resource');
    throw new ApiError('VALIDATION_FAILED', `${errors.length} field(s) failed validation`, { errors });
  }
  let body: unknown;
  if (spec.body?.kind === 'json') {
    const type = mediaType(c);
    if (!isJsonMedia(type)) {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `send application/json (got '${type || 'nothing'}')`);
    }
    const text = await c.req.text();
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new ApiError('MALFORMED_BODY', `the body is not JSON: ${(cause as Error).message}`, { cause });
    }
    const bodyErrors = spec.body.perItem ? [] : validator.validate('body', spec.body.schema, body);
    if (bodyErrors.length > 0) {
      throw new ApiError('VALIDATION_FAILED', `${bodyErrors.length} field(s) failed validation`, {
        errors: bodyErrors,
      });
    }
  } else if (spec.body?.kind === 'text') {
    const type = mediaType(c);
    if (!spec.body.contentTypes.includes(type)) {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `send one of ${spec.body.contentTypes.join(', ')}`);
    }
    body = { contentType: type, text: await c.req.text() };
  }
  return { params, query, body };
}
