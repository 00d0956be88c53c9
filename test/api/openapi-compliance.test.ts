import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../api/api-context.ts';
import { createApp } from '../../api/app.ts';
import { buildOpenApi } from '../../api/openapi/build-openapi.ts';
import { namedSchema } from '../../api/openapi/named-schema.ts';
import { openApiDocument } from '../../api/openapi/openapi-document.ts';
import { openApiViolations } from '../../api/openapi/openapi-violations.ts';
import type { RouteSpec } from '../../api/route.ts';
import { createLogger } from '../../observability/logger.ts';
import type { WorkflowGateway } from '../../workflows/client.ts';

const root = join(import.meta.dirname, '../..');

// No server needed: the document is built from the route definitions createApp mounts — every
// route, including ones added later, so a route that does not comply fails here.
function appAndContext() {
  let ctx: ApiContext | undefined;
  const app = createApp({
    db: new MongoClient('mongodb://127.0.0.1:9/never').db('x'),
    workflows: {} as WorkflowGateway,
    checks: [],
    logger: createLogger({ level: 'silent' }),
    onContext: (c) => {
      ctx = c;
    },
  });
  return { app, ctx: ctx! };
}

describe('the OpenAPI document generators build SDKs from', () => {
  const doc = openApiDocument();

  it('has no route without operationId, tags or example and no inline object schema', () => {
    expect(openApiViolations(doc)).toEqual([]);
  });

  it('catches a route that is added without operationId or with an inline object schema', () => {
    const { ctx } = appAndContext();
    const bad: RouteSpec = {
      method: 'post',
      path: '/v1/bad/{id}',
      operationId: '',
      summary: 'A non-compliant route',
      tag: 'Bad',
      auth: 'admin',
      params: { id: { type: 'string' } },
      body: {
        kind: 'json',
        schema: {
          type: 'object',
          properties: { nested: { type: 'object', properties: { a: { type: 'string' } } } },
        },
      },
      responses: {
        200: {
          description: 'x',
          schema: namedSchema('BadAnswer', {
            type: 'object',
            properties: { inner: { type: 'object', properties: { b: {} } } },
          }),
        },
      },
    };
    ctx.routes.push(bad);
    const violations = openApiViolations(buildOpenApi(ctx));
    expect(violations).toContain('POST /v1/bad/{id}: no operationId');
    expect(
      violations.some((v) => v.includes('Request') && v.includes('/properties/nested: inline object')),
    ).toBe(true);
    expect(
      violations.some((v) => v.startsWith('components.schemas.BadAnswer/properties/inner: inline')),
    ).toBe(true);
  });

  it('names every request and response body and lists problem+json once as Problem', () => {
    const schemas = (doc.components as any).schemas as Record<string, unknown>;
    for (const name of [
      'Problem',
      'FieldError',
      'Device',
      'Reading',
      'ReadingPage',
      'Telemetry',
      'TelemetryReading',
    ]) {
      expect(schemas).toHaveProperty(name);
    }
    // Generators cannot follow remote references: every $ref stays inside the document.
    expect(JSON.stringify(doc).match(/"\$ref":"(?!#\/components\/)[^"]*"/g)).toBeNull();
    expect((doc.components as any).responses.Problem.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });

  it('carries no jsonSchemaDialect (Swagger UI warns on it) and declares the Idempotency-Key format', () => {
    expect(doc).not.toHaveProperty('jsonSchemaDialect');
    const key = (doc.components as any).parameters.IdempotencyKey;
    expect(key.schema.pattern).toBe('^[!-~]{1,255}$');
    expect(key.description).toMatch(/422/);
    expect((doc.paths as any)['/v1/telemetry'].post.responses['422']).toEqual({
      $ref: '#/components/responses/422',
    });
  });

  it('gives examples that validate against their schemas (Ajv 2020-12, as the server validates)', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components as any });
    const rebase = (s: unknown) =>
      JSON.parse(JSON.stringify(s).replaceAll('"#/components/', '"doc#/components/'));
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, any>)) {
      for (const [method, op] of Object.entries(item as Record<string, any>)) {
        const media = [
          ...Object.values(op.requestBody?.content ?? {}),
          ...Object.entries(op.responses)
            .filter(([s]) => s.startsWith('2'))
            .flatMap(([, r]: any) => Object.values(r.content ?? {})),
        ] as any[];
        for (const m of media) {
          if (!m.schema || m.example === undefined) continue;
          const valid = ajv.validate(rebase(m.schema), m.example);
          expect(valid, `${method} ${path}: ${ajv.errorsText()}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('passes the Redocly linter (recommended rules, redocly.yaml)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
    const out = execFileSync(
      join(root, 'node_modules/.bin/redocly'),
      ['lint', join(dir, 'openapi.json'), '--config', join(root, 'redocly.yaml')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(out + '').toBeDefined();
  }, 60_000);

  it('answers 405 with Allow for a method a declared path does not have, 404 for unknown paths', async () => {
    const { app } = appAndContext();
    const res = await app.request('/v1/readings', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const item = await app.request('/v1/devices/dev_4fQ8GZc1Xk3mRr0pLs9TbW', { method: 'PUT' });
    expect(item.status).toBe(405);
    expect((await app.request('/v1/nothing-here', { method: 'GET' })).status).toBe(404);
    // A literal path is not also the template beside it (/v1/devices/{deviceId}).
    const literal = await app.request('/v1/devices/provision', { method: 'OPTIONS' });
    expect(literal.status).toBe(405);
    expect(literal.headers.get('allow')).toBe('POST');
    const shadowed = await app.request('/v1/devices/provision', { method: 'GET' });
    expect(shadowed.status).toBe(405);
  });
});
