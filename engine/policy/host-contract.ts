import type { FieldTypeName } from './policy-document.ts';

/**
 * Actions whose host answers with an event the workflow must declare: the policy decides what
 * happens next, the host only reports the result. Checked statically, relied upon by the workflows.
 */
export const hostAnswers: Readonly<
  Record<
    string,
    { event: string; payload: Readonly<Record<string, { type: FieldTypeName; emission?: true }>> }
  >
> = {
  verify: { event: 'verified', payload: { status: { type: 'string' }, trust_score: { type: 'number' } } },
  computeMethodology: {
    event: 'computed',
    payload: {
      eligible: { type: 'boolean' },
      er: { type: 'number', emission: true },
      amount: { type: 'integer' },
    },
  },
  mint: { event: 'minted', payload: { amount: { type: 'integer' } } },
};
