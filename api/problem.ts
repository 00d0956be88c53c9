import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, type ApiErrorCode, statusOf, titleOf } from './errors.ts';

/** RFC 9457 problem details. `type` is a stable URN per error code. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export function problemType(code: string): string {
  return `urn:mrv:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  title: string,
  extra: Partial<Problem> = {},
) {
  const body: Problem = { type: problemType(code), title, status, ...extra };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

/** The problem+json answer for an `ApiError` (field errors, headers and extensions included). */
export function apiErrorResponse(c: Context, error: ApiError) {
  const status = statusOf(error.code);
  const extra: Partial<Problem> = { ...error.extensions, code: error.code, detail: error.message };
  if (error.errors) extra.errors = error.errors;
  const requestId = c.get('requestId' as never) as string | undefined;
  if (requestId) extra.request_id = requestId;
  const response = problemResponse(c, status, error.code, titleOf(error.code), extra);
  for (const [name, value] of Object.entries(error.headers ?? {})) response.headers.set(name, value);
  return response;
}

export function problemFor(c: Context, code: ApiErrorCode, detail: string) {
  return apiErrorResponse(c, new ApiError(code, detail));
}
