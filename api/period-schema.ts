import type { JsonSchema } from './schema-validator.ts';

/** A monitoring period: a year, a quarter (2026-Q1) or a month (2026-03). */
export const periodSchema: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$',
  examples: ['2026-03', '2026-Q1'],
};
