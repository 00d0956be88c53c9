import { idSchema } from './api-schemas.ts';
import { namedSchema } from './openapi/named-schema.ts';
import { policyProblemSchema } from './resource-schemas.ts';
import type { JsonSchema } from './schema-validator.ts';

/** Response shapes of the methodology author's workspace routes (policy checks, scenario runs, diffs). */
// The same problem shape as a stored draft's (GET /v1/policy-drafts/{id}).
const problemView = policyProblemSchema;

export const policyCheckSchema: JsonSchema = namedSchema('PolicyCheck', {
  type: 'object',
  properties: {
    valid: { type: 'boolean' },
    problems: { type: 'array', items: problemView, description: 'Every problem, at line:col (first 200)' },
    policy_id: { type: ['string', 'null'] },
    version: { type: ['string', 'null'] },
    hash: { type: ['string', 'null'] },
    workflows: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Mermaid state-diagram source per workflow (valid policies only)',
    },
  },
  required: ['valid', 'problems', 'policy_id', 'version', 'hash', 'workflows'],
  examples: [
    {
      valid: false,
      problems: [{ line: 12, col: 5, code: 'schema', message: "/parameters: must have property 'default'" }],
      policy_id: null,
      version: null,
      hash: null,
      workflows: {},
    },
  ],
});

export const scenarioRunsSchema: JsonSchema = namedSchema('ScenarioRuns', {
  type: 'object',
  properties: {
    draft_id: idSchema('pdr'),
    policy_id: { type: 'string' },
    passed: { type: 'boolean' },
    scenarios: {
      type: 'array',
      items: namedSchema('ScenarioRun', {
        type: 'object',
        properties: {
          file: { type: 'string' },
          name: { type: 'string' },
          passed: { type: 'boolean' },
          error: { type: ['string', 'null'] },
          expectations: {
            type: 'array',
            items: namedSchema('ScenarioExpectation', {
              type: 'object',
              properties: { what: { type: 'string' }, expected: {}, actual: {}, passed: { type: 'boolean' } },
              required: ['what', 'passed'],
            }),
          },
        },
        required: ['file', 'name', 'passed', 'error', 'expectations'],
      }),
    },
  },
  required: ['draft_id', 'policy_id', 'passed', 'scenarios'],
  examples: [
    {
      draft_id: 'pdr_4fQ8GZc1Xk3mRr0pLs9TbW',
      policy_id: 'hydro-ams-i-d',
      passed: true,
      scenarios: [
        {
          file: '01-clean-period-mints.yaml',
          name: 'a clean period mints',
          passed: true,
          error: null,
          expectations: [{ what: 'minted amount', expected: 1200, actual: 1200, passed: true }],
        },
      ],
    },
  ],
});

export const policyDiffSchema: JsonSchema = namedSchema('PolicyDiff', {
  type: 'object',
  properties: {
    from: { type: 'object', description: 'The published version compared against' },
    to: { type: 'object', description: 'The draft' },
    differences: {
      type: 'array',
      items: namedSchema('PolicyDifference', {
        type: 'object',
        properties: {
          path: { type: 'string' },
          kind: { enum: ['added', 'removed', 'changed'] },
          before: {},
          after: {},
        },
        required: ['path', 'kind'],
      }),
    },
  },
  required: ['from', 'to', 'differences'],
  examples: [
    {
      from: { id: 'pol_4fQ8GZc1Xk3mRr0pLs9TbW', version: '1.0.0' },
      to: { id: 'pdr_4fQ8GZc1Xk3mRr0pLs9TbW', version: '1.1.0' },
      differences: [{ path: 'version', kind: 'changed', before: '1.0.0', after: '1.1.0' }],
    },
  ],
});
