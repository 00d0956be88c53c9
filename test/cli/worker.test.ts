import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../../stack/ports.ts';
import { mongoUri, temporalAddress, uniqueDbName } from '../support/services.ts';

/** Runs `mrv worker` as a process; collects its JSON log lines. */
async function startWorkerProcess(extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/mrv.js', 'worker'], {
    env: {
      ...process.env,
      MONGODB_URI: mongoUri(),
      MONGODB_DB: uniqueDbName('worker_cmd'),
      TEMPORAL_ADDRESS: temporalAddress(),
      MRV_MASTER_KEY: randomBytes(32).toString('base64'),
      METRICS_PORT: String(await findFreePort()),
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const seen = (msg: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = lines.find((l) => l.msg === msg);
      if (found) return resolve(found);
      const onLine = (line: Record<string, unknown>) => line.msg === msg && resolve(line);
      waiters.push(onLine);
      child.once('exit', (code) => reject(new Error(`worker exited (${code}) before '${msg}': ${stderr}`)));
    });
  const waiters: ((line: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const w of waiters) w(line);
    } catch {
      // not a log line
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, seen, exited, lines, stderr: () => stderr };
}

describe('mrv worker', () => {
  it('polls every concern by default and drains on SIGTERM, exiting 0', async () => {
    const worker = await startWorkerProcess({});
    const started = await worker.seen('worker started');
    expect(started.taskQueues).toEqual(['mrv-main', 'mrv-main/verification', 'mrv-main/ledger']);
    worker.child.kill('SIGTERM');
    await worker.seen('worker stopped');
    expect(await worker.exited).toBe(0);
    expect(worker.lines.some((l) => l.msg === 'draining worker' && l.signal === 'SIGTERM')).toBe(true);
  }, 120_000);

  it('serves only the concerns MRV_WORKER_CONCERNS names', async () => {
    const worker = await startWorkerProcess({ MRV_WORKER_CONCERNS: 'ledger' });
    expect((await worker.seen('worker started')).taskQueues).toEqual(['mrv-main/ledger']);
    worker.child.kill('SIGINT');
    expect(await worker.exited).toBe(0);
  }, 120_000);

  it('refuses an unknown concern with a message naming the variable, before connecting anywhere', async () => {
    const worker = await startWorkerProcess({ MRV_WORKER_CONCERNS: 'ledger,minting' });
    expect(await worker.exited).not.toBe(0);
    expect(worker.stderr()).toContain('MRV_WORKER_CONCERNS');
    expect(worker.stderr()).toContain('workflows, ledger, verification');
  }, 120_000);
});
