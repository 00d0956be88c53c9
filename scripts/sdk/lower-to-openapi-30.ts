type Json = Record<string, unknown>;

/**
 * A copy of the 3.1 document in the 3.0 dialect oapi-codegen reads (its kin-openapi parser does not
 * take JSON Schema 2020-12 type lists): `type: [T, 'null']` → `type: T, nullable: true`, a list of
 * several types → no type (any value), `const` → a one-value `enum`, `examples` → `example`. The Go
 * SDK is generated from this copy only; the published document stays 3.1.
 */
export function lowerToOpenApi30(doc: Json): Json {
  const lower = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(lower);
    if (value === null || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) out[k] = lower(v);
    if (Array.isArray(out.type)) {
      const types = (out.type as string[]).filter((t) => t !== 'null');
      if ((out.type as string[]).includes('null')) out.nullable = true;
      if (types.length === 1) out.type = types[0];
      else delete out.type;
    }
    if ('const' in out && typeof out.const !== 'object') {
      out.enum = [out.const];
      delete out.const;
    }
    if (Array.isArray(out.examples) && typeof out.examples[0] !== 'object') {
      out.example = out.examples[0];
      delete out.examples;
    }
    return out;
  };
  const lowered = lower(doc) as Json;
  lowered.openapi = '3.0.3';
  return lowered;
}
