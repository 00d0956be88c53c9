import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logsQuery } from '../../cli/commands/logs.ts';
import { correlation } from '../../observability/correlation.ts';
import { createLogShipper } from '../../observability/log-shipper.ts';
import { createProcessLogger } from '../../observability/process-logger.ts';
import { clientObservability } from '../../observability/temporal/worker-observability.ts';
import { startEmbeddedLogStore } from '../../stack/embedded-logs.ts';
import type { EmbeddedService } from '../../stack/embedded-mongodb.ts';
import { findFreePort } from '../../stack/ports.ts';
import { temporalAddress } from '../support/services.ts';
import { startCorrelatedWorker } from './support/correlated-worker.ts';

/** `mrv logs …` as a user runs it, against this file's log store; its JSON lines. */
function mrvLogs(
  url: string,
  args: string[],
): { status: number | null; entries: Record<string, string>[]; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/mrv.js', 'logs', '--json', '--url', url, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const entries = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, string>);
  return { status: result.status, entries, stderr: result.stderr };
}

/** VictoriaLogs makes ingested lines searchable after a short delay: poll until `until` holds. */
async function eventually<T>(probe: () => T, until: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = probe();
  while (!until(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    value = probe();
  }
  return value;
}

describe('logs in the log store (VictoriaLogs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mrv-logs-'));
  let port: number;
  let store: EmbeddedService;
  beforeAll(async () => {
    port = await findFreePort();
    store = await startEmbeddedLogStore({ dataDir, port });
  });
  afterAll(async () => {
    await store?.process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('follows one request from the API edge through its workflow into the activity with mrv logs', async () => {
    const taskQueue = `log-store-${process.pid}-${Date.now()}`;
    const { logger, close } = createProcessLogger({
      level: 'info',
      name: 'api',
      destination: { write: () => {} },
      logStoreUrl: store.address,
    });
    const stopWorker = await startCorrelatedWorker({ taskQueue, logger });
    const connection = await Connection.connect({ address: temporalAddress() });
    const client = new Client({ connection, interceptors: clientObservability() });
    try {
      const app = new Hono();
      app.use(correlation({ logger, describe: () => ({ orgId: 'org_LogStoreTest000000000000' }) }));
      app.post('/run/:label', async (c) => {
        const label = c.req.param('label');
        const seen = await client.workflow.execute('correlatedWorkflow', {
          taskQueue,
          workflowId: `correlated/${taskQueue}/${label}`,
          args: [{ label, apiKey: 'mrv_live_4f9c2a7d1e8b6035' }],
        });
        return c.json({ seen });
      });
      const res = await app.request('/run/shipped', {
        method: 'POST',
        headers: { 'x-request-id': 'req-logs-42' },
      });
      expect(res.status).toBe(200);
    } finally {
      await stopWorker();
      await connection.close();
      await close();
    }

    const found = await eventually(
      () => mrvLogs(store.address, ['--correlation-id', 'req-logs-42']),
      (r) => r.entries.some((e) => e._msg === 'activity ran') && r.entries.some((e) => e._msg === 'request'),
    );
    expect(found.status).toBe(0);
    const messages = found.entries.map((e) => e._msg);
    expect(messages).toContain('request');
    expect(messages).toContain('activity ran');
    expect(found.entries.every((e) => e.correlationId === 'req-logs-42')).toBe(true);
    expect(JSON.stringify(found.entries)).not.toContain('mrv_live_4f9c2a7d1e8b6035');

    const byOrg = mrvLogs(store.address, ['--org', 'org_LogStoreTest000000000000', '--level', 'info']);
    expect(byOrg.entries.map((e) => e.path)).toContain('/run/shipped');
    const errorsOnly = mrvLogs(store.address, ['--correlation-id', 'req-logs-42', '--level', 'error']);
    expect(errorsOnly.entries).toEqual([]);
  }, 120_000);

  it('keeps lines while the store is down and delivers them once it is back, oldest first', async () => {
    const reports: string[] = [];
    const shipper = createLogShipper({
      url: store.address,
      flushIntervalMs: 100,
      report: (m) => reports.push(m),
    });
    process.kill(store.process.pid, 'SIGKILL');
    await store.process.whenExited;
    for (let i = 0; i < 5; i++) {
      const time = new Date(Date.now() + i).toISOString(); // distinct times: the query sorts by time
      shipper.write(`${JSON.stringify({ time, name: 'outage', msg: `line ${i}`, level: 30 })}\n`);
    }
    await shipper.flush();
    expect(shipper.pending()).toBe(5);
    expect(reports[0]).toMatch(/cannot reach .*keeping lines and retrying/);

    store = await startEmbeddedLogStore({ dataDir, port });
    await shipper.close();
    expect(shipper.pending()).toBe(0);
    const found = await eventually(
      () => mrvLogs(store.address, ['--since', '5m']).entries.filter((e) => e.name === 'outage'),
      (entries) => entries.length === 5,
    );
    expect(found.map((e) => e._msg)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
  }, 90_000);

  it('says on shutdown how many lines it could not deliver, instead of losing them silently', async () => {
    const reports: string[] = [];
    const unreachable = `http://127.0.0.1:${await findFreePort()}`;
    const shipper = createLogShipper({ url: unreachable, report: (m) => reports.push(m) });
    shipper.write('{"msg":"a"}\n');
    shipper.write('{"msg":"b"}\n');
    await shipper.close();
    expect(reports.at(-1)).toMatch(new RegExp(`^2 log lines could not be delivered to ${unreachable}`));
  }, 30_000);

  it('refuses bad arguments with exit 2 and a clear message, and quotes values into the query', () => {
    for (const args of [
      ['--since', 'yesterday'],
      ['--level', 'loud'],
      ['--limit', '0'],
      ['--until', 'soon'],
      ['--what'],
    ]) {
      const result = spawnSync(process.execPath, ['bin/mrv.js', 'logs', ...args], { encoding: 'utf8' });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/usage: mrv logs|must/);
    }
    // A value cannot close its quotes and add filters of its own.
    expect(logsQuery({ correlationId: 'x" OR level:>=0 "', since: '1h' })).toBe(
      '_time:1h correlationId:="x\\" OR level:>=0 \\"" | sort by (_time)',
    );
  });
});
