import type { DocumentBuffer } from '../buffer/document-buffer.ts';
import { clockDriftS } from './clock-drift.ts';
import type { HttpClient } from './http-client.ts';
import { retryAfterMs } from './retry-after.ts';

export interface DrainStep {
  /** What happened: `idle` (nothing to send), `sent`, `wait` (429/503/network), `halted` (credential refused). */
  outcome: 'idle' | 'sent' | 'wait' | 'halted';
  accepted: number;
  duplicates: number;
  deadLettered: number;
  /** How long to wait before the next attempt (Retry-After, or the caller's backoff when absent). */
  waitMs?: number;
  detail?: string;
  driftS?: number;
}

interface ItemResult {
  index: number;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
  message?: string;
  errors?: unknown;
}

/**
 * Sends the oldest buffered documents as one `{documents: [...]}` batch and settles each by the
 * server's per-document outcome: accepted or duplicate → removed; rejected → dead letter with the
 * server's reason. 429 honours Retry-After; 503, 5xx and network errors wait and keep the batch;
 * 413 halves the batch; another 4xx for a multi-document batch retries it one by one, and a single
 * document's 4xx is dead-lettered with the problem detail. 401/403 halt: the credential is wrong,
 * and dead-lettering the whole backlog for it would be worse than waiting for an operator.
 */
export async function drainOnce(
  buffer: DocumentBuffer,
  client: HttpClient,
  options: { apiKey?: string; batch: number; now?: () => number },
): Promise<DrainStep & { nextBatch: number }> {
  const now = options.now ?? Date.now;
  const docs = buffer.oldest(options.batch);
  const empty = { accepted: 0, duplicates: 0, deadLettered: 0 };
  if (docs.length === 0) return { outcome: 'idle', ...empty, nextBatch: options.batch };
  const body = `{"documents":[${docs.map((d) => d.body).join(',')}]}`;
  let answer: Awaited<ReturnType<HttpClient['request']>>;
  try {
    answer = await client.request('POST', '/v1/telemetry', body, {
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    });
  } catch (error) {
    return {
      outcome: 'wait',
      ...empty,
      detail: `network: ${(error as Error).message}`,
      nextBatch: options.batch,
    };
  }
  const driftS = clockDriftS(answer.headers.date, now());
  const base = { ...(driftS !== undefined ? { driftS } : {}) };
  const problem = parse(answer.body);
  if (answer.status === 202) {
    const results = ((problem as { results?: ItemResult[] } | undefined)?.results ?? []) as ItemResult[];
    const done: number[] = [];
    const dead: { id: number; status: number; problem: unknown }[] = [];
    let accepted = 0;
    let duplicates = 0;
    for (const r of results) {
      const doc = docs[r.index];
      if (!doc) continue;
      if (r.status === 'rejected') dead.push({ id: doc.id, status: 202, problem: r });
      else {
        done.push(doc.id);
        if (r.status === 'accepted') accepted++;
        else duplicates++;
      }
    }
    buffer.remove(done);
    buffer.deadLetter(dead, now());
    return {
      outcome: 'sent',
      accepted,
      duplicates,
      deadLettered: dead.length,
      ...base,
      nextBatch: options.batch,
    };
  }
  const detail = `HTTP ${answer.status}: ${(problem as { detail?: string } | undefined)?.detail ?? answer.body.slice(0, 200)}`;
  if (answer.status === 429 || answer.status >= 500) {
    const waitMs = retryAfterMs(answer.headers['retry-after'], now());
    return {
      outcome: 'wait',
      ...empty,
      ...base,
      detail,
      ...(waitMs ? { waitMs } : {}),
      nextBatch: options.batch,
    };
  }
  if (answer.status === 401 || answer.status === 403) {
    return { outcome: 'halted', ...empty, ...base, detail, waitMs: 300_000, nextBatch: options.batch };
  }
  if (answer.status === 413 && docs.length > 1) {
    return {
      outcome: 'wait',
      ...empty,
      ...base,
      detail,
      waitMs: 0,
      nextBatch: Math.max(1, Math.floor(docs.length / 2)),
    };
  }
  if (docs.length > 1) {
    return { outcome: 'wait', ...empty, ...base, detail, waitMs: 0, nextBatch: 1 };
  }
  buffer.deadLetter(
    [{ id: docs[0]!.id, status: answer.status, problem: problem ?? answer.body.slice(0, 2000) }],
    now(),
  );
  return { outcome: 'sent', ...empty, deadLettered: 1, ...base, detail, nextBatch: options.batch };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
