import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/schema.ts';
import { ProblemError } from './problem-error.ts';
import { assertTelemetryV1, type TelemetryDocument } from './telemetry-signing.ts';
import { SDK_VERSION } from './version.ts';

export type Schemas = components['schemas'];

export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number;
  /** First backoff; doubled per attempt with jitter, capped by `maxDelayMs` (defaults 200 ms, 20 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface MrvClientOptions {
  baseUrl: string;
  /** An API key `mrv_live_…` sent as a bearer token. */
  apiKey?: string;
  /** OAuth2 client credentials: the key's prefix and the key; tokens are fetched and refreshed before expiry. */
  clientCredentials?: { clientId: string; clientSecret: string; scope?: string };
  retry?: RetryOptions;
  /** Per-attempt timeout (default 30 s); a timed-out POST is retried with the same Idempotency-Key. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const RETRYABLE = new Set([429, 502, 503, 504]);
const MAX_BATCH = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The Hydro MRV API client: every generated operation through `api` (openapi-fetch over the
 * generated types), and helpers for what integrators do most. Each request is authenticated,
 * retried with backoff on 429/5xx/timeouts/connection resets (honouring Retry-After) and every
 * POST carries an Idempotency-Key kept across its retries, so a retried submission is never
 * stored twice. Failed answers raise `ProblemError`. Secrets never appear in `inspect` or JSON.
 */
export class MrvClient {
  readonly api: Client<paths>;
  readonly baseUrl: string;
  readonly #apiKey: string | undefined;
  readonly #credentials: MrvClientOptions['clientCredentials'];
  readonly #retry: Required<RetryOptions>;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  #token: { value: string; expiresAt: number } | undefined;
  #tokenPending: Promise<string> | undefined;

  constructor(options: MrvClientOptions) {
    if (!options.apiKey && !options.clientCredentials)
      throw new TypeError('give apiKey or clientCredentials');
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.#apiKey = options.apiKey;
    this.#credentials = options.clientCredentials;
    this.#retry = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 20_000, ...options.retry };
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#fetch = options.fetch ?? fetch;
    this.api = createClient<paths>({ baseUrl: this.baseUrl, fetch: (request) => this.send(request) });
  }

  [inspect.custom]() {
    return `MrvClient { baseUrl: '${this.baseUrl}', auth: ${this.#apiKey ? 'apiKey [redacted]' : 'clientCredentials [redacted]'} }`;
  }

  toJSON() {
    return { baseUrl: this.baseUrl };
  }

  /** The bearer credential: the API key, or a client-credentials token renewed a minute before it expires. */
  async #bearer(): Promise<string> {
    if (this.#apiKey) return this.#apiKey;
    if (this.#token && Date.now() < this.#token.expiresAt - 60_000) return this.#token.value;
    this.#tokenPending ??= this.fetchToken().finally(() => {
      this.#tokenPending = undefined;
    });
    return await this.#tokenPending;
  }

  /** Fetches a new access token (OAuth2 client credentials, HTTP Basic). */
  async fetchToken(): Promise<string> {
    const c = this.#credentials!;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      ...(c.scope ? { scope: c.scope } : {}),
    });
    const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
    const response = await this.#attempts(
      () =>
        new Request(`${this.baseUrl}/oauth/token`, {
          method: 'POST',
          headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        }),
    );
    if (!response.ok) throw await ProblemError.fromResponse(response);
    const token = (await response.json()) as Schemas['IssueAccessTokenResult'];
    this.#token = { value: token.access_token!, expiresAt: Date.now() + (token.expires_in ?? 900) * 1000 };
    return this.#token.value;
  }

  /** Sends one request with auth, Idempotency-Key (POST), timeout and retries; answers the last response. */
  async send(request: Request): Promise<Response> {
    const body = request.body ? await request.arrayBuffer() : undefined;
    const idempotencyKey =
      request.headers.get('idempotency-key') ?? (request.method === 'POST' ? randomUUID() : null);
    return await this.#attempts(async () => {
      const headers = new Headers(request.headers);
      headers.set('authorization', `Bearer ${await this.#bearer()}`);
      headers.set('user-agent', `hydro-mrv-sdk-typescript/${SDK_VERSION}`);
      if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
      return new Request(request.url, { method: request.method, headers, ...(body ? { body } : {}) });
    });
  }

  async #attempts(build: () => Request | Promise<Request>): Promise<Response> {
    let lastError: unknown;
    for (let attempt = 1; ; attempt++) {
      let wait =
        Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1)) *
        (0.5 + Math.random() / 2);
      try {
        const response = await this.#fetch(await build(), { signal: AbortSignal.timeout(this.#timeoutMs) });
        const inProgress = response.status === 409 && response.headers.has('retry-after');
        if ((!RETRYABLE.has(response.status) && !inProgress) || attempt >= this.#retry.maxAttempts)
          return response;
        const after = Number(response.headers.get('retry-after'));
        if (Number.isFinite(after) && after >= 0) wait = Math.min(this.#retry.maxDelayMs, after * 1000);
        await response.body?.cancel();
      } catch (error) {
        // Timeouts and connection resets: the request may or may not have arrived — the
        // Idempotency-Key makes the retry safe either way.
        lastError = error;
        if (attempt >= this.#retry.maxAttempts) throw lastError;
      }
      await sleep(wait);
    }
  }

  /** Registers an organization (public): answers it and its first admin API key, shown once. */
  static async registerOrganization(
    baseUrl: string,
    name: string,
  ): Promise<Schemas['RegisteredOrganization']> {
    const api = createClient<paths>({ baseUrl: baseUrl.replace(/\/$/, '') });
    return await MrvClient.unwrap(await api.POST('/v1/organizations', { body: { name } }));
  }

  /** Unwraps an openapi-fetch result: the data, or the server's problem as a `ProblemError`. */
  static async unwrap<T>(result: { data?: T; error?: unknown; response: Response }): Promise<T> {
    if (result.response.ok) return result.data as T;
    const problem =
      result.error && typeof result.error === 'object' ? (result.error as Record<string, unknown>) : {};
    throw new ProblemError(result.response.status, problem);
  }

  /**
   * Submits signed telemetry v1 documents in batches of up to 1,000 (each batch one POST with its
   * own Idempotency-Key, retried safely). Refuses an unsigned or non-telemetry-v1 document before
   * any request. Answers the outcome of every document, in order.
   */
  async submitTelemetry(documents: TelemetryDocument[], options: { batchSize?: number } = {}) {
    for (const d of documents) {
      assertTelemetryV1(d);
      if (!d.signature) throw new TypeError(`document seq ${d.seq} is not signed`);
    }
    const size = Math.min(MAX_BATCH, options.batchSize ?? MAX_BATCH);
    const results: Schemas['TelemetryOutcome'][] = [];
    const totals = { accepted: 0, duplicates: 0, rejected: 0 };
    for (let i = 0; i < documents.length; i += size) {
      const batch = documents.slice(i, i + size) as Schemas['Telemetry'][];
      const answer = (await MrvClient.unwrap(
        await this.api.POST('/v1/telemetry', { body: { documents: batch } }),
      )) as Schemas['TelemetryBatchResult'];
      totals.accepted += answer.accepted;
      totals.duplicates += answer.duplicates;
      totals.rejected += answer.rejected;
      results.push(...answer.results.map((r) => ({ ...r, index: (r.index ?? 0) + i })));
    }
    return { ...totals, results };
  }

  /** Every item of a cursor-paginated listing, page after page (`next_cursor` → `cursor`). */
  async *#pages<T>(
    fetchPage: (cursor: string | undefined) => Promise<{ data: T[]; next_cursor: string | null }>,
  ) {
    let cursor: string | undefined;
    do {
      const page = await fetchPage(cursor);
      yield* page.data;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }

  /** Every reading matching the filters, page after page (cursor pagination). */
  readings(query: Omit<NonNullable<paths['/v1/readings']['get']['parameters']['query']>, 'cursor'> = {}) {
    return this.#pages(async (cursor) =>
      MrvClient.unwrap(
        await this.api.GET('/v1/readings', {
          params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    );
  }

  /** Every flagged reading awaiting review, page after page. */
  reviews(query: { project_id?: string; limit?: number } = {}) {
    return this.#pages(async (cursor) =>
      MrvClient.unwrap(
        await this.api.GET('/v1/reviews', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } }),
      ),
    );
  }

  async decideReview(readingId: string, decision: 'approve' | 'reject', reason: string) {
    return await MrvClient.unwrap(
      await this.api.POST('/v1/reviews/{readingId}/decision', {
        params: { path: { readingId } },
        body: { decision, reason },
      }),
    );
  }
}
