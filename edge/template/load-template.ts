import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { formatSchemaErrors } from '../../engine/telemetry/index.ts';
import schema from '../../schemas/edge-template.schema.json' with { type: 'json' };
import { EdgeError } from './edge-error.ts';
import type { EdgeTemplate } from './edge-template.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile<EdgeTemplate>(schema);

/** Templates are a few KiB; a bigger file is refused before YAML parsing (alias bombs, mistakes). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/**
 * Parses and validates a template (YAML or JSON text). Throws TEMPLATE_INVALID naming the problems.
 *
 * @example
 * const template = parseTemplate(readFileSync('edge/templates/schneider-pm5560.yaml', 'utf8'), 'pm5560');
 */
export function parseTemplate(text: string, name: string): EdgeTemplate {
  if (text.length > MAX_TEMPLATE_BYTES) {
    throw new EdgeError(
      'TEMPLATE_INVALID',
      `${name}: ${text.length} bytes; the limit is ${MAX_TEMPLATE_BYTES}`,
    );
  }
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 50 });
  } catch (error) {
    throw new EdgeError('TEMPLATE_INVALID', `${name}: not YAML: ${(error as Error).message}`);
  }
  if (!validate(value)) {
    throw new EdgeError('TEMPLATE_INVALID', `${name}: ${formatSchemaErrors(validate.errors).join('; ')}`);
  }
  const ids = new Set<string>();
  for (const p of value.points) {
    if (ids.has(p.sensor_id))
      throw new EdgeError('TEMPLATE_INVALID', `${name}: sensor_id ${p.sensor_id} twice`);
    ids.add(p.sensor_id);
  }
  return value;
}
