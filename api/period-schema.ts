import type { JsonSchema } from './schema-validator.ts';

/** A monitoring period: a year, a quarter (2026-Q1) or a month (2026-03). */
export const periodSchema: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$',
  examples: ['2026-03', '2026-Q1'],
};

/**
 * An issuance is identified by its project and period (`prj_…/2026-03`, as the period workflow
 * records it). In a URL path the slash is percent-encoded: `/v1/issuances/prj_…%2F2026-03`.
 */
export const issuanceIdSchema: JsonSchema = {
  type: 'string',
  pattern: '^prj_[0-9A-Za-z]{22}/[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$',
  description: 'project id and period; percent-encode the slash in a path (%2F)',
  examples: ['prj_4fQ8GZc1Xk3mRr0pLs9TbW/2026-03'],
};
