import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger.ts';
import { pingMongo, startEmbeddedMongo } from '../../stack/embedded-mongodb.ts';
import { startManagedProcess } from '../../stack/managed-process.ts';
import { findFreePort } from '../../stack/ports.ts';
import { superviseService } from '../../stack/supervise-service.ts';
import { waitUntil } from '../../stack/wait-until.ts';

function capturedLogger() {
  const lines: { msg: string; service?: string }[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'warn', destination }), lines };
}

describe('superviseService', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mrv-supervise-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('restarts FerretDB after kill -9 on the same port, with its data, and logs the restart', async () => {
    const port = await findFreePort();
    const { logger, lines } = capturedLogger();
    const service = await superviseService({
      name: 'ferretdb',
      start: () => startEmbeddedMongo({ dataDir, port }),
      logger,
      policy: { initialDelayMs: 100 },
    });
    try {
      const address = service.current().address;
      const client = await MongoClient.connect(address);
      await client
        .db('probe')
        .collection('kept')
        .insertOne({ _id: 'before-kill' as never });
      await client.close();

      const firstPid = service.current().process.pid;
      process.kill(firstPid, 'SIGKILL');
      const back = await waitUntil({
        timeoutMs: 30_000,
        probe: async () => service.restarts() === 1 && (await pingMongo(address, 500)),
      });
      expect(back.ok).toBe(true);
      expect(service.current().process.pid).not.toBe(firstPid);
      expect(service.current().address).toBe(address);

      const again = await MongoClient.connect(address);
      expect(
        await again
          .db('probe')
          .collection('kept')
          .findOne({ _id: 'before-kill' as never }),
      ).not.toBeNull();
      await again.close();
      expect(lines.map((l) => l.msg)).toEqual(['ferretdb stopped; restarting', 'ferretdb restarted']);
    } finally {
      await service.stop();
    }
    expect(service.current().process.exited()).toBeDefined();
  }, 90_000);

  it('gives up with a clear message after the configured failures in a row', async () => {
    const { logger, lines } = capturedLogger();
    let starts = 0;
    const service = await superviseService({
      name: 'flaky',
      logger,
      policy: { initialDelayMs: 10, maxDelayMs: 40, maxFailures: 3, stableMs: 60_000 },
      start: async () => {
        starts += 1;
        // The second start fails outright; the others run a server that dies at once.
        if (starts === 2) throw new Error('port 1234 is in use');
        const process = startManagedProcess({
          name: 'flaky',
          binary: globalThis.process.execPath,
          args: ['-e', 'setTimeout(() => process.exit(3), 30)'],
          runDir: join(dataDir, 'run'),
        });
        return { process, address: 'nowhere' };
      },
    });
    const message = await service.gaveUp;
    expect(message).toMatch(
      /^flaky failed 3 times in a row and is not restarted again; last: exited with code 3/,
    );
    expect(starts).toBe(3);
    expect(service.restarts()).toBe(1);
    expect(lines.filter((l) => l.msg === 'flaky stopped; restarting')).toHaveLength(2);
    expect(lines.at(-1)?.msg).toBe(message);
    await service.stop();
  }, 30_000);

  it('does not restart a server it was asked to stop', async () => {
    const { logger, lines } = capturedLogger();
    const service = await superviseService({
      name: 'sleeper',
      logger,
      policy: { initialDelayMs: 10 },
      start: async () => ({
        process: startManagedProcess({
          name: 'sleeper',
          binary: process.execPath,
          args: ['-e', 'setTimeout(() => {}, 60_000)'],
          runDir: join(dataDir, 'run'),
        }),
        address: 'nowhere',
      }),
    });
    await service.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(service.restarts()).toBe(0);
    expect(lines).toEqual([]);
  });
});
