import type { ErrorObject } from 'ajv';

/** At most this many schema problems are reported: one hostile document must not flood a verdict. */
const MAX_PROBLEMS = 10;

/**
 * Turns ajv errors into short human lines (`/readings/2/unit: must be one of kWh, MWh, Wh`). The
 * `if` wrapper errors that accompany a failed `then` carry no information and are dropped.
 */
export function formatSchemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  const lines: string[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'if') continue;
    const where = error.instancePath || '/';
    const params = error.params as Record<string, unknown>;
    let what = error.message ?? 'is invalid';
    if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      what = `must be one of ${params.allowedValues.join(', ')}`;
    } else if (error.keyword === 'const') {
      what = `must be ${JSON.stringify(params.allowedValue)}`;
    } else if (error.keyword === 'additionalProperties') {
      what = `unknown member '${String(params.additionalProperty)}'`;
    } else if (error.keyword === 'contains' && where.endsWith('/readings')) {
      what = 'must contain an energy or energy_export reading';
    }
    const line = `${where}: ${what}`;
    if (!lines.includes(line)) lines.push(line);
    if (lines.length >= MAX_PROBLEMS) break;
  }
  return lines.length > 0 ? lines : ['document is invalid'];
}
