import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the API answers with: a stable code, mapped to its status and title here only. */
const catalog = {
  VALIDATION_FAILED: [400, 'Request validation failed'],
  MALFORMED_BODY: [400, 'The body cannot be parsed'],
  UNAUTHENTICATED: [401, 'Authentication required'],
  INVALID_CLIENT: [401, 'Client authentication failed'],
  FORBIDDEN_SCOPE: [403, 'The credential lacks the required scope'],
  CSRF_REFUSED: [403, "The request lacks the console session's CSRF token"],
  FORBIDDEN_ROLE: [403, "The policy does not let the credential's roles do this"],
  NOT_FOUND: [404, 'Not found'],
  DEVICE_NOT_ACTIVE: [404, 'The document names no active device of this credential'],
  METHOD_NOT_ALLOWED: [405, 'Method not allowed'],
  CONFLICT: [409, 'Conflict with the current state'],
  INVALID_STATE: [409, 'The resource is not in a state that allows this'],
  IDEMPOTENCY_IN_PROGRESS: [409, 'A request with this Idempotency-Key is still running'],
  IDEMPOTENCY_SECRET_WITHHELD: [409, 'The original response carried a secret that is shown only once'],
  PAYLOAD_TOO_LARGE: [413, 'Payload too large'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Unsupported media type'],
  IDEMPOTENCY_KEY_REUSED: [422, 'The Idempotency-Key was used for a different request'],
  // Publishing a stored draft that does not check: the draft's state, not the request, is at fault.
  POLICY_INVALID: [409, 'The policy draft has problems and cannot be published'],
  TELEMETRY_REJECTED: [422, 'The telemetry document was rejected'],
  CSR_REJECTED: [422, 'The certificate signing request was rejected'],
  CLIENT_CERTIFICATE_REFUSED: [401, 'The client certificate was refused'],
  CALIBRATION_REFUSED: [422, 'The calibration certificate was refused'],
  UNSUPPORTED_GRANT_TYPE: [400, 'Unsupported grant type'],
  INVALID_SCOPE: [400, 'Invalid scope'],
  RATE_LIMITED: [429, 'Too many requests'],
  INTERNAL: [500, 'Internal error'],
  MIRROR_UNAVAILABLE: [503, 'No mirror node is configured'],
  WORKFLOW_UNAVAILABLE: [503, 'The workflow service is unavailable'],
  STORE_UNAVAILABLE: [503, 'The data store is unavailable'],
  PKI_UNAVAILABLE: [503, 'The certificate authority is not configured'],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string]>;

export type ApiErrorCode = keyof typeof catalog;

export const apiErrorCodes = Object.keys(catalog) as ApiErrorCode[];

export function statusOf(code: ApiErrorCode): ContentfulStatusCode {
  return catalog[code][0];
}

export function titleOf(code: ApiErrorCode): string {
  return catalog[code][1];
}

/** One failing field of a 400 (`pointer` is a JSON Pointer into the request part named by `in`). */
export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header';
  pointer: string;
  message: string;
}

/** Thrown anywhere below a route; `app.onError` turns it into problem+json exactly once. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  readonly extensions?: Record<string, unknown>;
  constructor(
    readonly code: ApiErrorCode,
    detail: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(detail, { cause: options.cause });
    if (options.errors) this.errors = options.errors;
    if (options.headers) this.headers = options.headers;
    if (options.extensions) this.extensions = options.extensions;
  }
}
