/**
 * The console's only way to the server: the public HTTP API, with the httpOnly session cookie as the
 * credential and the session's CSRF token on every state change.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** An RFC 9457 problem from the API, with a sentence a person can act on. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly body: Record<string, unknown>,
  ) {
    super(sentenceFor(status, code, detail));
  }
}

function sentenceFor(status: number, code: string, detail: string): string {
  if (status === 401) return `You are not signed in (or the session expired): ${detail}`;
  if (code === 'FORBIDDEN_ROLE') return `The policy does not let your roles do this: ${detail}`;
  if (code === 'CSRF_REFUSED') return `Refused as a possible cross-site request: ${detail}`;
  if (status === 403) return `Your credential may not do this: ${detail}`;
  if (status === 404) return `Not found: ${detail}`;
  if (status === 409) return `Someone or something changed it first: ${detail}`;
  if (status === 422) return `Not accepted: ${detail}`;
  if (status === 429) return `Too many requests; wait a moment: ${detail}`;
  if (status >= 500) return `The server could not do this (${code}): ${detail}`;
  return detail || code;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  json?: unknown;
  yaml?: string;
  signal?: AbortSignal;
}

export async function api<T = Record<string, unknown>>(path: string, options: CallOptions = {}): Promise<T> {
  const method =
    options.method ?? (options.json !== undefined || options.yaml !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.yaml !== undefined) {
    headers['content-type'] = 'application/yaml';
    body = options.yaml;
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = body;
  if (options.signal) init.signal = options.signal;
  const res = await fetch(path, init);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { detail: text.slice(0, 200) };
  }
  if (!res.ok) {
    throw new ApiProblem(
      res.status,
      String(parsed.code ?? res.status),
      String(parsed.detail ?? parsed.title ?? res.statusText),
      parsed,
    );
  }
  return parsed as T;
}

export const query = (params: Record<string, string | number | undefined | null>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};
