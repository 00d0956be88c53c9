/**
 * Components every operation shares: the Idempotency-Key header as the server checks it
 * (api/middleware/idempotency.ts) and the problem+json answers, each pointing at `Problem`.
 */
export const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a POST safe to retry: the first request with this key runs and its answer is replayed (with `Idempotency-Replayed: true`) to any repeat of the same request for 24 hours. The same key with a different request answers 422 `idempotency-key-reused`; a repeat while the first is still running answers 409 `idempotency-in-progress` with `Retry-After`. Keys are per credential and URL: 1–255 visible ASCII characters (a UUID is a good choice).',
  schema: { type: 'string', pattern: '^[!-~]{1,255}$', minLength: 1, maxLength: 255 },
  example: '6f1c2a8e-0b7d-4a51-9d1e-2c3b4a5d6e7f',
};

const problem = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export const sharedResponses = {
  Problem: problem('An error (RFC 9457 problem details)'),
  400: problem('The request is malformed or fails validation; `errors[]` lists every failing field'),
  401: problem('No valid credential'),
  403: problem('The credential lacks the scope or policy role this needs'),
  404: problem('No such resource in this organization'),
  409: problem(
    'The resource is not in a state that allows this, or a request with this Idempotency-Key is still running',
  ),
  413: problem('The body is too large'),
  415: problem('The body has a media type this operation does not take'),
  422: problem(
    'The request is understood but refused (Idempotency-Key reused for another request, or rejected content)',
  ),
  429: problem('The rate limit was reached; retry after `Retry-After` seconds', {
    'Retry-After': {
      description: 'Seconds to wait before retrying',
      schema: { type: 'integer', minimum: 0 },
    },
  }),
};
