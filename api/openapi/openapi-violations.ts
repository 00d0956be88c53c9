type Json = Record<string, any>;

/** Walks every subschema below `schema` (not `schema` itself), with its JSON Pointer. */
function* subschemas(schema: unknown, pointer: string): Generator<[Json, string]> {
  if (schema === null || typeof schema !== 'object') return;
  const s = schema as Json;
  const children: [unknown, string][] = [];
  for (const k of ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains']) {
    if (s[k] && typeof s[k] === 'object') children.push([s[k], `${pointer}/${k}`]);
  }
  for (const k of ['oneOf', 'anyOf', 'allOf', 'prefixItems']) {
    if (!Array.isArray(s[k])) continue;
    for (const [i, v] of (s[k] as unknown[]).entries()) children.push([v, `${pointer}/${k}/${i}`]);
  }
  for (const k of ['properties', 'patternProperties']) {
    for (const [p, v] of Object.entries((s[k] as Json) ?? {})) children.push([v, `${pointer}/${k}/${p}`]);
  }
  for (const [child, at] of children) {
    yield [child as Json, at];
    yield* subschemas(child, at);
  }
}

const isInlineObject = (s: Json) =>
  !s.$ref && s.properties && typeof s.properties === 'object' && Object.keys(s.properties).length > 0;

/**
 * What keeps an OpenAPI document from generating good SDKs, as messages naming the operation and
 * the place: a missing or repeated operationId, no tags or example, a JSON answer without schema,
 * an object schema written inline (generators then invent its name) instead of a named component.
 * Components embedded from `schemas/` (`x-schema-file`) are the wire formats' own and exempt.
 */
export function openApiViolations(doc: Json): string[] {
  const out: string[] = [];
  const ids = new Map<string, string>();
  const schemes = new Set(Object.keys(doc.components?.securitySchemes ?? {}));
  for (const [path, item] of Object.entries((doc.paths as Json) ?? {})) {
    for (const [method, op] of Object.entries(item as Json)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) out.push(`${where}: no operationId`);
      else if (ids.has(op.operationId))
        out.push(`${where}: operationId ${op.operationId} repeats ${ids.get(op.operationId)}`);
      else ids.set(op.operationId, where);
      if (!Array.isArray(op.tags) || op.tags.length === 0) out.push(`${where}: no tags`);
      if (!op.summary) out.push(`${where}: no summary`);
      const media: [Json, string][] = [];
      for (const [type, m] of Object.entries((op.requestBody?.content as Json) ?? {})) {
        media.push([m, `requestBody ${type}`]);
      }
      const responses = Object.entries((op.responses as Json) ?? {});
      if (!responses.some(([s]) => s.startsWith('2'))) out.push(`${where}: no 2xx response`);
      for (const [status, r] of responses) {
        for (const [type, m] of Object.entries((r.content as Json) ?? {})) {
          media.push([m, `response ${status} ${type}`]);
          if (status.startsWith('2') && type.endsWith('json') && !m.schema) {
            out.push(`${where}: response ${status} ${type} has no schema`);
          }
        }
      }
      const examples = media.filter(([m]) => m.example !== undefined || m.examples !== undefined);
      // An operation without any body (a DELETE answered 204) has nothing to exemplify.
      if (media.length > 0 && examples.length === 0) out.push(`${where}: no example`);
      for (const p of op.parameters ?? []) media.push([p, `parameter ${p.name ?? p.$ref}`]);
      for (const [m, at] of media) {
        if (!m.schema) continue;
        if (isInlineObject(m.schema))
          out.push(`${where}: ${at}: inline object schema (name it with namedSchema)`);
        for (const [s, ptr] of subschemas(m.schema, '')) {
          if (isInlineObject(s))
            out.push(`${where}: ${at} ${ptr}: inline object schema (name it with namedSchema)`);
        }
      }
      for (const requirement of op.security ?? []) {
        for (const name of Object.keys(requirement)) {
          if (!schemes.has(name)) out.push(`${where}: unknown security scheme ${name}`);
        }
      }
    }
  }
  for (const [name, schema] of Object.entries((doc.components?.schemas as Json) ?? {})) {
    if (schema['x-schema-file']) continue;
    for (const [s, ptr] of subschemas(schema, '')) {
      if (isInlineObject(s))
        out.push(`components.schemas.${name}${ptr}: inline object schema (name it with namedSchema)`);
    }
  }
  return out;
}
