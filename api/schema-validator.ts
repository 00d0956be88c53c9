import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FieldError } from './errors.ts';

export type JsonSchema = Record<string, unknown>;

export const schemasDir = fileURLToPath(new URL('../schemas/', import.meta.url));

/** The schema files in `schemas/`, by file name, as published at `/schemas/<file>`. */
export function loadSchemaFiles(dir = schemasDir): Map<string, JsonSchema> {
  const files = new Map<string, JsonSchema>();
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    files.set(name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as JsonSchema);
  }
  return files;
}

/** A `$ref` to a file in `schemas/` (by its `$id`), for route definitions. */
export function schemaFileRef(files: Map<string, JsonSchema>, file: string): JsonSchema {
  const schema = files.get(file);
  if (!schema) throw new Error(`schemas/${file} does not exist`);
  return { $ref: schema.$id as string };
}

function toFieldErrors(where: FieldError['in'], errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).slice(0, 50).map((e) => {
    let pointer = e.instancePath || '';
    if (e.keyword === 'required') pointer += `/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties') {
      pointer += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
    }
    return { in: where, pointer: pointer || '/', message: e.message ?? e.keyword };
  });
}

/**
 * The one validator of request shapes: JSON Schema 2020-12 from `schemas/` and from route definitions,
 * the same objects the OpenAPI document is generated from. Query and path values arrive as strings
 * and are coerced; bodies are not.
 */
export function createSchemaValidator(files: Map<string, JsonSchema>) {
  const make = (coerceTypes: boolean) => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes, useDefaults: coerceTypes });
    addFormats.default(ajv);
    // RFC 3339 allows a leap second (23:59:60), which JavaScript's Date cannot represent: a handler
    // would get an Invalid Date. Refused here, so every date-time a route sees is a real instant.
    const rfc3339 = ajv.formats['date-time'] as { validate: (s: string) => boolean };
    ajv.addFormat('date-time', {
      type: 'string',
      validate: (s: string) => rfc3339.validate(s) && !Number.isNaN(Date.parse(s)),
    });
    for (const schema of files.values()) ajv.addSchema(schema);
    return ajv;
  };
  const strict = make(false);
  const coercing = make(true);
  const cache = new WeakMap<JsonSchema, ValidateFunction>();
  const compile = (schema: JsonSchema, coerce: boolean) => {
    const cached = cache.get(schema);
    if (cached) return cached;
    const fn = (coerce ? coercing : strict).compile(schema);
    cache.set(schema, fn);
    return fn;
  };
  return {
    files,
    /** Compiles ahead of time so a broken schema fails at start-up, not on the first request. */
    prepare(schema: JsonSchema, coerce = false): void {
      compile(schema, coerce);
    },
    validate(where: FieldError['in'], schema: JsonSchema, value: unknown): FieldError[] {
      const fn = compile(schema, where !== 'body');
      return fn(value) ? [] : toFieldErrors(where, fn.errors);
    },
    /** Validates against a file of `schemas/` by name. */
    validateFile(file: string, value: unknown): FieldError[] {
      const fn = strict.getSchema(files.get(file)?.$id as string);
      if (!fn) throw new Error(`schemas/${file} is not loaded`);
      return fn(value) ? [] : toFieldErrors('body', fn.errors);
    },
  };
}

export type SchemaValidator = ReturnType<typeof createSchemaValidator>;
