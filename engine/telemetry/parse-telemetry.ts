import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schema from '../../schemas/telemetry.schema.json' with { type: 'json' };
import { formatSchemaErrors } from './format-schema-errors.ts';
import type { TelemetryDocument } from './telemetry-document.ts';

/** A telemetry document is well under 4 KiB; anything past this is refused before parsing. */
export const MAX_TELEMETRY_BYTES = 64 * 1024;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile<TelemetryDocument>(schema);
const decoder = new TextDecoder('utf-8', { fatal: true });

export type ParsedTelemetry =
  | { document: TelemetryDocument; problems: [] }
  | { document?: undefined; problems: string[] };

/**
 * Parses and validates one telemetry v1 document from bytes, a string or an already-parsed value.
 * Never throws: anything unusable comes back as `problems` (for a `schema` finding).
 *
 * @example
 * const { document, problems } = parseTelemetry(line);
 */
export function parseTelemetry(input: unknown): ParsedTelemetry {
  let value: unknown = input;
  try {
    if (input instanceof Uint8Array) {
      if (input.byteLength > MAX_TELEMETRY_BYTES) return tooLarge(input.byteLength);
      value = JSON.parse(decoder.decode(input));
    } else if (typeof input === 'string') {
      // UTF-16 length ≤ UTF-8 length ×1 for ASCII; a conservative check that needs no encoding pass.
      if (input.length > MAX_TELEMETRY_BYTES) return tooLarge(input.length);
      value = JSON.parse(input);
    }
  } catch (error) {
    return { problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: ['/: must be a JSON object'] };
  }
  try {
    if (!validate(value)) return { problems: formatSchemaErrors(validate.errors) };
  } catch (error) {
    // Objects handed in directly may carry getters or cycles; JSON text never does.
    return { problems: [`not a JSON value: ${error instanceof Error ? error.message : String(error)}`] };
  }
  // JSON text cannot carry NaN or Infinity, but an object built in memory can.
  for (const [i, reading] of value.readings.entries()) {
    if (!Number.isFinite(reading.value))
      return { problems: [`/readings/${i}/value: must be a finite number`] };
  }
  return { document: value, problems: [] };
}

function tooLarge(size: number): ParsedTelemetry {
  return { problems: [`document is ${size} bytes; the limit is ${MAX_TELEMETRY_BYTES}`] };
}
