import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as ledgerCommand } from '../../../cli/commands/ledger.ts';
import { createHederaLedger, intentId } from '../../../ledger/hedera-ledger.ts';
import { fastTuning, type LedgerFixture, mirrorMessages, startLedgerFixture } from './ledger-fixture.ts';

let f: LedgerFixture;
let topicId: string;
const org = 'org-r';
const bytes = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  f = await startLedgerFixture({ prefix: 'ledger_recovery' });
  ({ topicId } = await f.ledger.ensureTopic({ orgId: org, idempotencyKey: 'topic' }));
});
afterAll(async () => {
  await f?.close();
});

const messagesOnMirror = () => mirrorMessages(f.ledger, topicId);

describe('recovery', () => {
  it('re-submits the stored signed bytes after a crash between recording and submitting', async () => {
    let crashed = false;
    const crashing = createHederaLedger({
      hedera: f.hedera,
      store: f.ledger.store,
      tuning: fastTuning,
      observe: (e) => {
        if (e.step === 'progress' && !crashed) {
          crashed = true;
          throw new Error('process killed');
        }
      },
    });
    const input = { orgId: org, idempotencyKey: 'crash/1', topicId, message: bytes('crash-1') };
    await expect(crashing.submitMessage(input)).rejects.toThrowError('process killed');
    const stored = await f.ledger.store.get(org, 'crash/1');
    expect(stored?.attempts).toHaveLength(1);
    const result = await f.newLedger().submitMessage(input);
    expect(result.transactionId).toBe(stored!.attempts[0]!.transactionId);
    expect((await messagesOnMirror()).filter((m) => m === 'crash-1')).toHaveLength(1);
  });

  it('builds a new transaction only after the receipt proves the first expired unexecuted', async () => {
    let progress = 0;
    f.network.setFaults({ delayConsensusPastValidWindow: 1 });
    const ledger = createHederaLedger({
      hedera: f.hedera,
      store: f.ledger.store,
      tuning: fastTuning,
      observe: (e) => {
        if (e.step === 'progress' && ++progress === 2) f.network.setFaults({});
      },
    });
    const result = await ledger.submitMessage({
      orgId: org,
      idempotencyKey: 'expired/1',
      topicId,
      message: bytes('exp-1'),
    });
    const stored = await f.ledger.store.get(org, 'expired/1');
    expect(stored?.attempts.map((a) => [a.state, a.status])).toEqual([
      ['NOT_EXECUTED', 'TRANSACTION_EXPIRED'],
      ['SUCCEEDED', 'SUCCESS'],
    ]);
    expect(result.transactionId).toBe(stored!.attempts[1]!.transactionId);
    expect((await messagesOnMirror()).filter((m) => m === 'exp-1')).toHaveLength(1);
  });

  it('confirms a mint whose response was lost after consensus, without minting again', async () => {
    const { tokenId } = await f.ledger.createToken({
      orgId: org,
      idempotencyKey: 'tok',
      name: 'R',
      symbol: 'R',
      decimals: 0,
    });
    f.network.setFaults({ dropResponseAfterConsensus: 1 });
    const minted = await f.ledger
      .mint({ orgId: org, idempotencyKey: 'mint/drop', tokenId, amount: 77 })
      .finally(() => f.network.setFaults({}));
    expect(minted.newTotalSupply).toBe('77');
    expect((await f.ledger.mirror.getToken(tokenId))?.total_supply).toBe('77');
    expect((await f.ledger.store.get(org, 'mint/drop'))?.attempts).toHaveLength(1);
  });

  it('dead-letters an operation that exhausts its retries and replays it with mrv ledger replay', async () => {
    const now = Date.now();
    f.network.setFaults({ outages: [{ fromMs: now, toMs: now + 3_600_000 }] });
    const impatient = f.newLedger({ maxRetries: 2, breakerFailures: 100 });
    const input = { orgId: org, idempotencyKey: 'dead/1', topicId, message: bytes('dead-1') };
    await expect(impatient.submitMessage(input)).rejects.toMatchObject({ code: 'DEAD_LETTERED' });
    const id = intentId(org, 'dead/1');
    const dead = await f.ledger.store.getById(id);
    expect(dead?.status).toBe('DEAD_LETTER');
    expect(dead?.deadLetter?.retries).toBe(3);
    expect(dead?.deadLetter?.lastError).toMatch(/BUSY|UNAVAILABLE|RECEIPT_TIMEOUT/);
    expect((await f.ledger.store.listDeadLetters({ orgId: org, limit: 10 })).map((i) => i.id)).toContain(id);
    f.network.setFaults({});

    const out = await captureStdout(() =>
      withEnv(
        {
          MONGODB_URI: process.env.MONGODB_URI,
          MONGODB_DB: f.db.databaseName,
          HEDERA_NETWORK: 'local',
          HEDERA_OPERATOR_ID: f.network.operator.accountId,
          HEDERA_OPERATOR_KEY: f.network.operator.privateKey,
          HEDERA_MIRROR_URL: f.network.mirrorRestUrl,
          HEDERA_LOCAL_GRPC_PORT: f.network.grpcEndpoint.split(':')[1],
        },
        () => ledgerCommand(['replay', id]),
      ),
    );
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ topicId, transactionId: expect.any(String) });
    expect((await f.ledger.store.getById(id))?.status).toBe('CONFIRMED');
    expect((await messagesOnMirror()).filter((m) => m === 'dead-1')).toHaveLength(1);
    // Replaying a confirmed intent only prints its result again.
    const again = await withEnv({ MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: f.db.databaseName }, () =>
      captureStdout(() => ledgerCommand(['show', id])),
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ id, status: 'CONFIRMED' });
    expect(again.stdout).not.toContain('signedBytes');
  });

  it.each([
    [['replay']],
    [['replay', 'not-an-id']],
    [['replay', 'a'.repeat(32), 'extra']],
    [['dead-letters', '--limit', '-1']],
    [['dead-letters', '--org']],
    [['frobnicate']],
  ])('exits 2 on the usage mrv ledger %j', async (args) => {
    const { main } = await import('../../../cli/main.ts');
    const code = await withEnv({ MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: f.db.databaseName }, () =>
      main(['ledger', ...args]),
    );
    expect(code).toBe(2);
  });

  it.each([
    ['an empty idempotency key', { idempotencyKey: '' }],
    ['an oversized idempotency key', { idempotencyKey: 'k'.repeat(257) }],
    ['a key with control characters', { idempotencyKey: 'a\nb' }],
    ['a non-string organization', { orgId: 42 }],
    ['a malformed topic id', { topicId: '0.0.x' }],
    ['an empty message', { message: new Uint8Array() }],
    ['a message over 1024 bytes', { message: new Uint8Array(1025) }],
    ['a message that is not bytes', { message: 'hello' }],
  ])('refuses to submit %s', async (_, patch) => {
    const input = { orgId: org, idempotencyKey: 'bad', topicId, message: bytes('x'), ...patch };
    await expect(f.ledger.submitMessage(input as never)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it.each([
    ['a zero amount', { amount: 0 }],
    ['a negative amount', { amount: -5 }],
    ['a fractional amount', { amount: 1.5 }],
    ['an amount beyond int64', { amount: 2n ** 63n }],
    ['an amount in exponent notation', { amount: '1e9' }],
    ['a memo over 63 bytes', { amount: 1, memo: 'm'.repeat(64) }],
    ['a malformed token id', { amount: 1, tokenId: '0.0.1; drop' }],
  ])('refuses to mint %s', async (_, patch) => {
    const input = { orgId: org, idempotencyKey: 'bad-mint', tokenId: '0.0.9', ...patch };
    await expect(f.ledger.mint(input as never)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('refuses token parameters outside Hedera limits', async () => {
    const base = { orgId: org, idempotencyKey: 'bad-token', name: 'N', symbol: 'S', decimals: 2 };
    await expect(f.ledger.createToken({ ...base, decimals: 19 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(f.ledger.createToken({ ...base, name: 'n'.repeat(101) })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(f.ledger.createToken({ ...base, maxSupply: '0' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });

  it('reports an unknown intent on replay', async () => {
    await expect(f.ledger.replay('f'.repeat(32))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function captureStdout(fn: () => Promise<number>): Promise<{ code: number; stdout: string }> {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await fn();
    return { code, stdout: chunks.join('') };
  } finally {
    process.stdout.write = original;
  }
}
