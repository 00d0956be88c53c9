/**
 * The mirror node REST subset, on Hedera's real paths, plus the admin endpoint for runtime fault injection
 * (POST /admin/faults). Mirror data is the ledger state as far as the mirror has ingested it (mirror-view.ts:
 * none of it is hidden unless a `mirrorLag` is configured), and injected mirror outages answer 503.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ConsensusNode } from './consensus-node.ts';
import { parseEntityId, parseTimestamp, timestampString } from './entity-id.ts';
import type { FaultConfig, FaultInjector } from './fault-injector.ts';
import type { TxRecord } from './ledger-state.ts';
import { LocalNetworkError } from './local-network-error.ts';
import {
  accountJson,
  messageJson,
  stringifyMirror,
  tokenJson,
  topicJson,
  transactionJson,
} from './mirror-json.ts';
import {
  InvalidParameter,
  matches,
  nextLink,
  parseConditions,
  parseInteger,
  parseLimit,
  parseOrder,
} from './mirror-query-params.ts';
import { MirrorView } from './mirror-view.ts';

const MAX_ADMIN_BODY_BYTES = 64 * 1024;

function json(c: Context, status: 200 | 400 | 404 | 413 | 415 | 503, body: unknown): Response {
  return c.body(stringifyMirror(body), status, { 'content-type': 'application/json; charset=utf-8' });
}
const notFound = (c: Context) => json(c, 404, { _status: { messages: [{ message: 'Not found' }] } });
const invalid = (c: Context, parameter: string) =>
  json(c, 400, { _status: { messages: [{ message: `Invalid parameter: ${parameter}` }] } });

function entity(c: Context, name: string): bigint {
  const num = parseEntityId(c.req.param(name) ?? '');
  if (num === undefined) throw new InvalidParameter(`${name}`);
  return num;
}

/** "0.0.2-1700000000-000000123" (mirror form) or "0.0.2@1700000000.000000123" (SDK form). */
function parseTransactionId(text: string): { payer: bigint; validStartNs: bigint } | undefined {
  const m = /^(\d+\.\d+\.\d+)[-@](\d{1,17})[-.](\d{1,9})$/.exec(text);
  if (!m) return undefined;
  const payer = parseEntityId(m[1]!);
  const validStartNs = parseTimestamp(`${m[2]}.${m[3]!.padStart(9, '0')}`);
  return payer === undefined || validStartNs === undefined ? undefined : { payer, validStartNs };
}

function page<T>(items: T[], order: 'asc' | 'desc', limit: number): T[] {
  return (order === 'asc' ? items : [...items].reverse()).slice(0, limit);
}

export interface MirrorRestOptions {
  node: ConsensusNode;
  faults: FaultInjector;
  now: () => number;
  /** Shared with the mirror gRPC API, so both have ingested the same records. */
  view?: MirrorView;
}

export function createMirrorRestApp({ node, faults, now, view: shared }: MirrorRestOptions): Hono {
  const app = new Hono();
  const state = node.state;
  const view = shared ?? new MirrorView(node, faults, now);

  // An injected mirror outage: the REST API answers 503 (the admin endpoint stays up to end it).
  app.use('/api/*', async (c, next) => {
    if (!faults.mirrorInOutage()) return await next();
    return json(c, 503, { _status: { messages: [{ message: 'Service Unavailable' }] } });
  });

  app.onError((error, c) => {
    if (error instanceof InvalidParameter) return invalid(c, error.parameter);
    if (error instanceof LocalNetworkError)
      return json(c, 400, { _status: { messages: [{ message: error.message }] } });
    throw error;
  });

  app.get('/api/v1/topics/:id/messages', (c) => {
    const topicNum = entity(c, 'id');
    const url = new URL(c.req.url);
    const seq = parseConditions('sequencenumber', c.req.queries('sequencenumber'), parseInteger);
    const ts = parseConditions('timestamp', c.req.queries('timestamp'), parseTimestamp);
    const limit = parseLimit(c.req.query('limit'));
    const order = parseOrder(c.req.query('order'), 'asc');
    const encoding = c.req.query('encoding') ?? 'base64';
    if (encoding !== 'base64' && encoding !== 'utf-8' && encoding !== 'utf8')
      throw new InvalidParameter('encoding');
    const topic = state.topics.get(topicNum);
    if (!topic || !view.shows('topics', topic.createdNs)) return notFound(c);
    const seen = view.watermarkNs('topicMessages');
    const all = (state.messages.get(topicNum) ?? []).filter(
      (m) => m.consensusNs <= seen && matches(seq, m.sequenceNumber) && matches(ts, m.consensusNs),
    );
    const messages = page(all, order, limit);
    const last = messages.at(-1);
    const more = last !== undefined && all.length > messages.length;
    return json(c, 200, {
      messages: messages.map((m) => messageJson(m, encoding === 'base64' ? 'base64' : 'utf-8')),
      links: {
        next: more
          ? nextLink(url.pathname, url.searchParams, 'sequencenumber', order, String(last.sequenceNumber))
          : null,
      },
    });
  });

  app.get('/api/v1/topics/:id/messages/:seq', (c) => {
    const topicNum = entity(c, 'id');
    const seq = parseInteger(c.req.param('seq'));
    if (seq === undefined || seq < 1n) throw new InvalidParameter('sequenceNumber');
    const m = state.messages.get(topicNum)?.[Number(seq) - 1];
    return m && m.consensusNs <= view.watermarkNs('topicMessages')
      ? json(c, 200, messageJson(m))
      : notFound(c);
  });

  app.get('/api/v1/topics/:id', (c) => {
    const topic = state.topics.get(entity(c, 'id'));
    return topic && view.shows('topics', topic.createdNs) ? json(c, 200, topicJson(topic)) : notFound(c);
  });

  app.get('/api/v1/transactions/:id', (c) => {
    const id = parseTransactionId(c.req.param('id'));
    if (!id) throw new InvalidParameter('transactionId');
    const nonceRaw = c.req.query('nonce');
    const nonce = nonceRaw === undefined ? undefined : parseInteger(nonceRaw);
    if (nonceRaw !== undefined && nonce === undefined) throw new InvalidParameter('nonce');
    const scheduled = c.req.query('scheduled');
    if (scheduled !== undefined && scheduled !== 'true' && scheduled !== 'false')
      throw new InvalidParameter('scheduled');
    const found = view
      .records('transactions')
      .filter(
        (r) =>
          r.payer === id.payer &&
          r.validStartNs === id.validStartNs &&
          (nonce === undefined || BigInt(r.nonce) === nonce) &&
          (scheduled === undefined || r.scheduled === (scheduled === 'true')),
      );
    return found.length
      ? json(c, 200, { transactions: found.map((r) => transactionJson(r, true)) })
      : notFound(c);
  });

  app.get('/api/v1/transactions', (c) => {
    const url = new URL(c.req.url);
    const ts = parseConditions('timestamp', c.req.queries('timestamp'), parseTimestamp);
    const limit = parseLimit(c.req.query('limit'));
    const order = parseOrder(c.req.query('order'), 'desc');
    const accountRaw = c.req.query('account.id');
    const account = accountRaw === undefined ? undefined : parseEntityId(accountRaw.replace(/^eq:/, ''));
    if (accountRaw !== undefined && account === undefined) throw new InvalidParameter('account.id');
    const type = c.req.query('transactiontype')?.toUpperCase();
    if (type !== undefined && !/^[A-Z]{1,40}$/.test(type)) throw new InvalidParameter('transactiontype');
    const result = c.req.query('result');
    if (result !== undefined && result !== 'success' && result !== 'fail')
      throw new InvalidParameter('result');
    const involves = (r: TxRecord, a: bigint) =>
      r.payer === a ||
      r.transfers.some((t) => t.account === a) ||
      r.tokenTransfers.some((t) => t.account === a);
    const all = view
      .records('transactions')
      .filter(
        (r) =>
          matches(ts, r.consensusNs) &&
          (account === undefined || involves(r, account)) &&
          (type === undefined || r.name === type) &&
          (result === undefined || (result === 'success') === (r.status === 'SUCCESS')),
      );
    const transactions = page(all, order, limit);
    const last = transactions.at(-1);
    const more = last !== undefined && all.length > transactions.length;
    return json(c, 200, {
      transactions: transactions.map((r) => transactionJson(r)),
      links: {
        next: more
          ? nextLink(url.pathname, url.searchParams, 'timestamp', order, timestampString(last.consensusNs))
          : null,
      },
    });
  });

  app.get('/api/v1/tokens/:id', (c) => {
    const token = state.tokens.get(entity(c, 'id'));
    return token && view.shows('tokens', token.createdNs) ? json(c, 200, tokenJson(token)) : notFound(c);
  });

  app.get('/api/v1/accounts/:id', (c) => {
    const account = state.accounts.get(entity(c, 'id'));
    if (!account || !view.shows('accounts', account.createdNs)) return notFound(c);
    const recent = view
      .records('accounts')
      .filter((r) => r.payer === account.num || r.transfers.some((t) => t.account === account.num))
      .slice(-25)
      .reverse();
    return json(c, 200, {
      ...accountJson(account, node.nowNs()),
      transactions: recent.map((r) => transactionJson(r)),
      links: { next: null },
    });
  });

  app.get('/admin/faults', (c) => json(c, 200, faults.config));
  app.post('/admin/faults', async (c) => {
    if (!(c.req.header('content-type') ?? '').includes('application/json')) {
      return json(c, 415, { _status: { messages: [{ message: 'expected application/json' }] } });
    }
    const text = await c.req.text();
    if (text.length > MAX_ADMIN_BODY_BYTES)
      return json(c, 413, { _status: { messages: [{ message: 'too large' }] } });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new LocalNetworkError('INVALID_FAULT_CONFIG', 'invalid fault config: body is not JSON');
    }
    faults.set(withRelativeOutages(body, now()));
    return json(c, 200, faults.config);
  });

  app.notFound((c) => notFound(c));
  return app;
}

/** Lets HTTP callers, who do not know the network's clock, give outages as { startInMs, durationMs }. */
function withRelativeOutages(body: unknown, nowMs: number): FaultConfig {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body as FaultConfig;
  const out = { ...(body as Record<string, unknown>) };
  for (const key of ['outages', 'mirrorOutages']) {
    if (Array.isArray(out[key])) out[key] = relative(out[key] as unknown[], nowMs);
  }
  return out as FaultConfig;
}

function relative(windows: unknown[], nowMs: number): unknown[] {
  return windows.map((w) => {
    const win = w as { startInMs?: unknown; durationMs?: unknown };
    if (typeof win === 'object' && win !== null && typeof win.durationMs === 'number') {
      const start = nowMs + (typeof win.startInMs === 'number' ? win.startInMs : 0);
      return { fromMs: start, toMs: start + win.durationMs };
    }
    return w;
  });
}
