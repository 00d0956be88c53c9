import type { ValidateFunction } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { IdentityError } from './identity-error.ts';

/** Subjects are small documents; anything bigger is refused before parsing work is spent on it. */
export const MAX_SUBJECT_BYTES = 256 * 1024;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Validates a credential subject against the policy's JSON Schema (2020-12). Also refuses JSON-LD
 * keywords (`@id`, `@context`, …) inside the subject: they would change what the signature covers.
 */
export function validateSubject(subject: unknown, schema: Record<string, unknown>): void {
  if (!subject || typeof subject !== 'object' || Array.isArray(subject)) {
    throw new IdentityError('SUBJECT_INVALID', 'credential subject must be a JSON object');
  }
  const size = Buffer.byteLength(JSON.stringify(subject), 'utf8');
  if (size > MAX_SUBJECT_BYTES) {
    throw new IdentityError(
      'SUBJECT_INVALID',
      `credential subject is ${size} bytes (limit ${MAX_SUBJECT_BYTES})`,
    );
  }
  const keyword = findJsonLdKeyword(subject, '');
  if (keyword)
    throw new IdentityError('SUBJECT_INVALID', `JSON-LD keyword not allowed in subject at ${keyword}`);
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (cause) {
      throw new IdentityError('SUBJECT_INVALID', 'credential subject schema does not compile', { cause });
    }
    compiled.set(schema, validate);
  }
  if (!validate(subject)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
    throw new IdentityError('SUBJECT_INVALID', `credential subject invalid: ${problems.join('; ')}`);
  }
}

function findJsonLdKeyword(value: unknown, path: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const here = `${path}/${key}`;
    if (key.startsWith('@')) return here;
    const found = findJsonLdKeyword(child, here);
    if (found) return found;
  }
  return undefined;
}
