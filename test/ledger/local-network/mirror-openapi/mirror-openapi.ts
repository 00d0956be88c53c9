/**
 * The mirror node's published OpenAPI 3.1 document (hiero-mirror-node rest/api/v1/openapi.yml, from the
 * conformance material) as a JSON Schema 2020-12 validator for our mirror REST responses, and the
 * document's own examples as fixtures (an instance built from the `example` of each schema/property).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { conformanceDir } from '../sdk-suite/conformance-dir.ts';

type Schema = Record<string, unknown>;
interface OpenApi {
  paths: Record<string, { get?: { responses: Record<string, Schema> } }>;
  components: { schemas: Record<string, Schema>; responses: Record<string, Schema> };
}

const DOC_ID = 'mirror-openapi.json';

export class MirrorOpenApi {
  readonly doc: OpenApi;
  readonly #ajv: Ajv2020;

  constructor() {
    const file = path.join(conformanceDir(), 'mirror-node-openapi', 'openapi-3.1.0-v0.160.0-SNAPSHOT.yml');
    this.doc = parse(readFileSync(file, 'utf8')) as OpenApi;
    // OpenAPI adds keywords (example, discriminator, …) that are annotations in JSON Schema terms.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(this.#ajv);
    this.#ajv.addFormat('int64', true).addFormat('int32', true).addFormat('binary', true);
    this.#ajv.addSchema({ ...this.doc, $id: DOC_ID } as Schema);
  }

  /** The schema of a documented response: `path` is the document's template, e.g. /api/v1/topics/{topicId}. */
  responseSchema(docPath: string, status: number): Schema {
    const responses = this.doc.paths[docPath]?.get?.responses;
    if (!responses) throw new Error(`the document has no GET ${docPath}`);
    let response = responses[String(status)];
    if (!response) throw new Error(`the document has no ${status} response for GET ${docPath}`);
    const ref = response.$ref as string | undefined;
    if (ref) response = this.doc.components.responses[ref.split('/').pop()!]!;
    const content = response.content as Record<string, { schema: Schema }>;
    return content['application/json']!.schema;
  }

  /** Validation errors of `body` against the documented response (empty when valid). */
  errors(docPath: string, status: number, body: unknown): ErrorObject[] {
    const schema = this.responseSchema(docPath, status);
    const validate = this.#ajv.compile(this.#absolute(schema));
    return validate(body) ? [] : (validate.errors ?? []);
  }

  /** The document's example of a response, built from the examples of its schema and properties. */
  example(docPath: string, status: number): unknown {
    return this.exampleOf(this.responseSchema(docPath, status), 0);
  }

  exampleOf(schema: Schema, depth: number): unknown {
    if (depth > 12) return null;
    const ref = schema.$ref as string | undefined;
    if (ref) return this.exampleOf(this.doc.components.schemas[ref.split('/').pop()!]!, depth + 1);
    if ('example' in schema) return schema.example;
    if (Array.isArray(schema.allOf)) {
      return Object.assign({}, ...(schema.allOf as Schema[]).map((s) => this.exampleOf(s, depth + 1)));
    }
    const variants = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    if (variants?.[0]) return this.exampleOf(variants[0], depth + 1);
    if (schema.properties) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties as Record<string, Schema>)) {
        out[k] = this.exampleOf(v, depth + 1);
      }
      return out;
    }
    if (schema.items) return [this.exampleOf(schema.items as Schema, depth + 1)];
    return null;
  }

  #absolute(schema: Schema): Schema {
    return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`));
  }
}

/** Top-level and nested object keys, as "a.b" paths (arrays by their first element). */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length ? keyPaths(value[0], `${prefix}[]`) : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}
