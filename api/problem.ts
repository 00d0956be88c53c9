import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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
