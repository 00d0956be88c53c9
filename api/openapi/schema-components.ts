import type { JsonSchema } from '../schema-validator.ts';
import { schemaNameOf } from './named-schema.ts';

/** Keywords whose value is one subschema, or a list or map of subschemas (JSON Schema 2020-12). */
const ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const LIST = ['oneOf', 'anyOf', 'allOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

const pascal = (s: string) =>
  s.replace(/(^|[-_.\s]+)(\w)/g, (_m, _s, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');

/** `telemetry.schema.json` → `Telemetry`; its `$defs.reading` → `TelemetryReading`. */
export function fileComponentName(file: string): string {
  return pascal(file.replace(/\.schema\.json$/, ''));
}

/**
 * Collects `components.schemas` while rewriting the schemas of operations: a named schema
 * (`namedSchema`) or a `$ref` to a `schemas/` file becomes a `$ref` to its one component. A file is
 * embedded (its `$defs` as components of their own, marked `x-schema-file`) so generators never
 * have to fetch a remote reference; `/schemas/<file>` stays the published original.
 */
export function createSchemaComponents(files: Map<string, JsonSchema>) {
  const components: Record<string, JsonSchema> = {};
  const sources = new Map<string, unknown>();
  const fileById = new Map([...files].map(([file, schema]) => [schema.$id as string, file]));

  const claim = (name: string, source: unknown): boolean => {
    const existing = sources.get(name);
    if (existing === source) return false;
    if (existing !== undefined) throw new Error(`two different schemas are named '${name}'`);
    sources.set(name, source);
    return true;
  };
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const fileRef = (value: unknown): { file: string; def?: string } | undefined => {
    if (typeof value !== 'string') return undefined;
    const [id = '', fragment] = value.split('#');
    const file = fileById.get(id);
    if (!file) return undefined;
    if (fragment === undefined || fragment === '') return { file };
    return fragment.startsWith('/$defs/') ? { file, def: fragment.slice('/$defs/'.length) } : undefined;
  };

  const embedFile = (file: string): string => {
    const name = fileComponentName(file);
    const schema = files.get(file)!;
    if (!claim(name, schema)) return name;
    components[name] = {};
    const { $schema: _s, $id, $defs, ...body } = schema;
    const local = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(local);
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] =
          k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
            ? `#/components/schemas/${name}${pascal(v.slice('#/$defs/'.length))}`
            : local(v);
      }
      return out;
    };
    for (const [def, sub] of Object.entries(($defs as Record<string, unknown>) ?? {})) {
      components[`${name}${pascal(def)}`] = { ...(local(sub) as JsonSchema), 'x-schema-file': file };
    }
    components[name] = {
      ...(local(body) as JsonSchema),
      'x-schema-file': file,
      externalDocs: { description: 'The published schema file', url: `/schemas/${file}` },
    };
    return name;
  };

  const rewrite = (schema: unknown): unknown => {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
    const s = schema as JsonSchema;
    const name = schemaNameOf(s);
    if (name) return ref(register(name, s));
    const target = fileRef(s.$ref);
    if (target) {
      // `<$id>` names the file's root; `<$id>#/$defs/<def>` one of its definitions.
      const name = embedFile(target.file);
      return ref(target.def ? `${name}${pascal(target.def)}` : name);
    }
    return rewriteChildren(s);
  };
  const rewriteChildren = (s: JsonSchema): JsonSchema => {
    const out: JsonSchema = { ...s };
    for (const k of ONE) if (k in s && typeof s[k] === 'object') out[k] = rewrite(s[k]);
    for (const k of LIST) if (Array.isArray(s[k])) out[k] = (s[k] as unknown[]).map(rewrite);
    for (const k of MAP) {
      if (s[k] && typeof s[k] === 'object') {
        out[k] = Object.fromEntries(Object.entries(s[k] as object).map(([p, v]) => [p, rewrite(v)]));
      }
    }
    return out;
  };
  const register = (name: string, schema: JsonSchema): string => {
    if (claim(name, schema)) {
      components[name] = {};
      components[name] = rewriteChildren(schema);
    }
    return name;
  };

  return {
    components,
    /** The schema as the document shows it: named parts replaced by `$ref`s to components. */
    use: rewrite,
    /** Registers `schema` under `name` unless it is named already; returns the `$ref`. */
    named(name: string, schema: JsonSchema): JsonSchema {
      if (schemaNameOf(schema) || fileRef(schema.$ref)) {
        return rewrite(schema) as JsonSchema;
      }
      return ref(register(name, schema));
    },
  };
}
