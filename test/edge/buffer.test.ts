import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireAgentLock } from '../../edge/buffer/agent-lock.ts';
import { DocumentBuffer } from '../../edge/buffer/document-buffer.ts';
import { drainOnce } from '../../edge/sender/drain-buffer.ts';
import { createHttpClient } from '../../edge/sender/http-client.ts';
import { EdgeError } from '../../edge/template/edge-error.ts';
import { signTelemetry, type TelemetryDocument } from '../../engine/telemetry/index.ts';

const { privateKey } = generateKeyPairSync('ed25519');
const doc = (seq: number): TelemetryDocument =>
  signTelemetry(
    {
      schema_version: '1.0.0',
      device_id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      seq,
      timestamp: new Date(Date.UTC(2026, 4, 1) + seq * 60_000).toISOString().replace('.000', ''),
      interval_s: 60,
      readings: [{ sensor_id: 'exp_01', type: 'energy_export', value: 33.3 + seq, unit: 'kWh' }],
      metadata: { agent: 'test', padding: 'x'.repeat(600) },
    },
    privateKey,
  );
const dir = () => mkdtempSync(join(tmpdir(), 'edge-buffer-'));
const state = (seq: number) => ({ seq, counters: { exp_01: { raw: seq, unwrapped: seq, at_ms: seq } } });

describe('durable buffer', () => {
  it('keeps documents oldest first across a reopen, with the device state committed alongside', () => {
    const path = join(dir(), 'buffer.db');
    let buffer = DocumentBuffer.open(path);
    for (let seq = 0; seq < 5; seq++)
      buffer.commit([{ ref: 'u1', document: doc(seq), state: state(seq) }], seq);
    buffer.close();
    buffer = DocumentBuffer.open(path);
    expect(buffer.oldest(10).map((d) => d.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(buffer.state('u1')?.seq).toBe(4);
    buffer.remove(buffer.oldest(2).map((d) => d.id));
    expect(buffer.depth().documents).toBe(3);
    buffer.close();
  });

  it('disk full: a commit that does not fit stores nothing and says BUFFER_FULL; space returns after a drain', () => {
    const path = join(dir(), 'buffer.db');
    const buffer = DocumentBuffer.open(path, { maxMb: 0.25 });
    let seq = 0;
    let full: unknown;
    try {
      for (; seq < 10_000; seq++) buffer.commit([{ ref: 'u1', document: doc(seq), state: state(seq) }], seq);
    } catch (error) {
      full = error;
    }
    expect(full).toBeInstanceOf(EdgeError);
    expect((full as EdgeError).code).toBe('BUFFER_FULL');
    // The failed interval left neither a document nor a state behind.
    expect(buffer.depth().documents).toBe(seq);
    expect(buffer.state('u1')?.seq).toBe(seq - 1);
    buffer.remove(buffer.oldest(50).map((d) => d.id));
    buffer.commit([{ ref: 'u1', document: doc(seq), state: state(seq) }], seq);
    expect(buffer.state('u1')?.seq).toBe(seq);
    buffer.close();
  });

  it('a corrupt file is moved aside, a fresh buffer starts, and seq continues (never reused)', () => {
    const d = dir();
    const path = join(d, 'buffer.db');
    const buffer = DocumentBuffer.open(path);
    buffer.commit(
      [{ ref: 'u1', document: doc(41), state: { seq: 41, prev_hash: 'ab'.repeat(32), counters: {} } }],
      1,
    );
    buffer.close();
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    const reopened = DocumentBuffer.open(path);
    expect(reopened.quarantined).toMatch(/buffer\.db\.corrupt-\d+$/);
    expect(existsSync(reopened.quarantined!)).toBe(true);
    expect(reopened.depth().documents).toBe(0);
    const recovered = reopened.state('u1')!;
    expect(recovered.seq).toBeGreaterThan(41);
    expect(recovered.prev_hash).toBeUndefined();
    reopened.close();
  });

  it('a stale lock left by a killed agent is removed at start; a live agent is not displaced', () => {
    const d = dir();
    const path = join(d, 'buffer.db');
    mkdirSync(`${path}.lock`);
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(`${path}.pid`, dead);
    const lock = acquireAgentLock(path);
    expect(lock.staleLockRemoved).toBe(true);
    expect(existsSync(`${path}.lock`)).toBe(false);
    lock.release();
    writeFileSync(`${path}.pid`, String(process.ppid));
    expect(() => acquireAgentLock(path)).toThrow(/another mrv-edge/);
    expect(readdirSync(d)).toContain('buffer.db.pid');
  });
});

describe('integrity check only after an unclean shutdown', () => {
  /** A buffer of 300 documents whose last table page is overwritten: only a full page read notices. */
  function tornBuffer(): string {
    const path = join(dir(), 'buffer.db');
    const buffer = DocumentBuffer.open(path);
    for (let seq = 0; seq < 300; seq++)
      buffer.commit([{ ref: 'u1', document: doc(seq), state: state(seq) }], seq);
    buffer.close();
    const bytes = readFileSync(path);
    const page = 4096;
    bytes.fill(0x5a, bytes.length - page + 8, bytes.length - 16);
    writeFileSync(path, bytes);
    expect(statSync(path).size % page).toBe(0);
    return path;
  }

  it('the lock says whether the last agent released it: clean, killed, or a pid reused after a power cut', () => {
    const path = join(dir(), 'buffer.db');
    const first = acquireAgentLock(path);
    expect(first.uncleanShutdown).toBe(false);
    first.release();
    const clean = acquireAgentLock(path);
    expect(clean.uncleanShutdown).toBe(false);
    // Killed -9: the pid file stays and names a process that is gone.
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(`${path}.pid`, dead);
    const afterKill = acquireAgentLock(path);
    expect(afterKill.uncleanShutdown).toBe(true);
    afterKill.release();
    // After a power cut the recorded pid may belong to another, live process: its start time differs.
    writeFileSync(`${path}.pid`, `${process.ppid} 1`);
    const afterPowerCut = acquireAgentLock(path);
    expect(afterPowerCut.uncleanShutdown).toBe(true);
    afterPowerCut.release();
  });

  it('a torn page is found and moved aside when the check runs, and not read when it does not', () => {
    const checked = DocumentBuffer.open(tornBuffer(), { integrityCheck: true });
    expect(checked.quarantined).toMatch(/corrupt-\d+$/);
    checked.close();
    const unchecked = DocumentBuffer.open(tornBuffer(), { integrityCheck: false });
    expect(unchecked.quarantined).toBeUndefined();
    unchecked.close();
  });

  it('without the check, a file that is not a database is still moved aside', () => {
    const path = join(dir(), 'buffer.db');
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    const reopened = DocumentBuffer.open(path, { integrityCheck: false });
    expect(reopened.quarantined).toMatch(/buffer\.db\.corrupt-\d+$/);
    expect(reopened.depth().documents).toBe(0);
    reopened.close();
  });
});

describe('drain: the server answers decide what happens to each document', () => {
  let server: Server;
  let url = '';
  const script: ((req: IncomingMessage, body: string, res: ServerResponse) => void)[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => (script.shift() ?? ((_q, _b, r) => r.writeHead(500).end()))(req, body, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server.close());

  it('429 honours Retry-After, 503 waits, per-document rejections and a lone 4xx are dead-lettered, 401 halts', async () => {
    const buffer = DocumentBuffer.open(join(dir(), 'buffer.db'));
    for (let seq = 0; seq < 4; seq++)
      buffer.commit([{ ref: 'u1', document: doc(seq), state: state(seq) }], seq);
    const client = createHttpClient({ baseUrl: url });
    const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    let seen: { documents: TelemetryDocument[] } | undefined;
    script.push(
      (_q, _b, res) => json(res, 429, { detail: 'slow down' }, { 'retry-after': '7' }),
      (_q, _b, res) => json(res, 503, { detail: 'workflow service unavailable' }),
      (req, body, res) => {
        seen = JSON.parse(body);
        expect(req.headers.authorization).toBe('Bearer k');
        json(
          res,
          202,
          {
            results: [
              { index: 0, status: 'accepted' },
              { index: 1, status: 'duplicate' },
              { index: 2, status: 'rejected', reason: 'signature', message: 'signature does not verify' },
            ],
          },
          { date: new Date(Date.now() - 120_000).toUTCString() },
        );
      },
      (_q, _b, res) => json(res, 401, { detail: 'the credential is invalid' }),
      (_q, _b, res) => json(res, 400, { type: 'about:blank', title: 'bad', detail: 'document is invalid' }),
    );
    const opts = { apiKey: 'k', batch: 3 };
    expect(await drainOnce(buffer, client, opts)).toMatchObject({ outcome: 'wait', waitMs: 7000 });
    expect(await drainOnce(buffer, client, opts)).toMatchObject({
      outcome: 'wait',
      detail: expect.stringMatching(/503/),
    });
    const sent = await drainOnce(buffer, client, opts);
    expect(sent).toMatchObject({ outcome: 'sent', accepted: 1, duplicates: 1, deadLettered: 1 });
    expect(sent.driftS).toBeGreaterThan(100);
    expect(seen!.documents.map((d) => d.seq)).toEqual([0, 1, 2]);
    expect(await drainOnce(buffer, client, opts)).toMatchObject({ outcome: 'halted' });
    expect(buffer.depth().documents).toBe(1);
    expect(await drainOnce(buffer, client, opts)).toMatchObject({ outcome: 'sent', deadLettered: 1 });
    const dead = buffer.deadLetters();
    expect(dead.total).toBe(2);
    expect(dead.items.map((d) => d.seq).sort()).toEqual([2, 3]);
    expect(dead.items.find((d) => d.seq === 3)!.problem).toMatchObject({ detail: 'document is invalid' });
    expect(buffer.depth().documents).toBe(0);
    expect(await drainOnce(buffer, client, opts)).toMatchObject({ outcome: 'idle' });
    client.close();
    buffer.close();
  });

  it('an unreachable API is a wait, never a loss', async () => {
    const buffer = DocumentBuffer.open(join(dir(), 'buffer.db'));
    buffer.commit([{ ref: 'u1', document: doc(0), state: state(0) }], 0);
    const client = createHttpClient({ baseUrl: 'http://127.0.0.1:1' });
    expect(await drainOnce(buffer, client, { apiKey: 'k', batch: 10 })).toMatchObject({
      outcome: 'wait',
      detail: expect.stringMatching(/network/),
    });
    expect(buffer.depth().documents).toBe(1);
    client.close();
    buffer.close();
  });
});
