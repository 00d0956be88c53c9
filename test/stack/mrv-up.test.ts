import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../stack/ports.ts';
import { alive, stackPorts, startUp, stopStacks, waitForOutput } from './support/mrv-up-process.ts';

describe('mrv up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mrv-up-'));
  afterAll(async () => {
    // A stack that is still up after a failure goes too.
    await stopStacks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the embedded stack, reports ready, restarts a killed server, stops every child on SIGINT and resumes from .data', async () => {
    const ports = await stackPorts();
    // info: the access lines must reach the log store (checked below).
    const env = { ...ports, MRV_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const mongoUri = `mongodb://127.0.0.1:${ports.MONGODB_PORT}/`;
    const temporalAddress = `127.0.0.1:${ports.TEMPORAL_PORT}`;

    const first = startUp(env);
    await waitForOutput(first, /Ready:\s+yes/, 120_000);
    expect(first.stdout()).toContain(`API:         http://127.0.0.1:${ports.API_PORT}`);
    expect(first.stdout()).toContain('API docs:');
    const demoKey = first.stdout().match(/Demo key:\s+(mrv_live_\S+)/)?.[1];
    expect(demoKey, 'a demo API key is printed').toBeDefined();
    const me = await fetch(`http://127.0.0.1:${ports.API_PORT}/v1/organization`, {
      headers: { authorization: `Bearer ${demoKey}` },
    });
    expect(me.status).toBe(200);
    expect(first.stdout()).toContain(`Logs:        http://127.0.0.1:${ports.LOG_STORE_PORT}`);
    // The stack's own lines reach the embedded log store: the request above, by its organization.
    const demoOrg = first.stdout().match(/Demo org:\s+(org_\S+)/)?.[1] ?? '';
    let shipped = '';
    for (let i = 0; i < 60 && !shipped.includes('/v1/organization'); i++) {
      await new Promise((r) => setTimeout(r, 500));
      shipped = spawnSync(process.execPath, ['bin/mrv.js', 'logs', '--json', '--org', demoOrg], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      }).stdout;
    }
    expect(shipped).toContain('"path":"/v1/organization"');

    // The release pipeline's smoke test passes against a live stack, and fails with a wrong key.
    const apiUrl = `http://127.0.0.1:${ports.API_PORT}`;
    const smoke = spawnSync('bash', ['scripts/smoke.sh'], {
      encoding: 'utf8',
      env: { ...process.env, MRV_URL: apiUrl, MRV_API_KEY: demoKey },
      timeout: 120_000,
    });
    expect(smoke.status, smoke.stderr).toBe(0);
    expect(smoke.stdout).toContain(`smoke: PASS ${apiUrl}`);
    const refused = spawnSync('bash', ['scripts/smoke.sh'], {
      encoding: 'utf8',
      env: { ...process.env, MRV_URL: apiUrl, MRV_API_KEY: 'mrv_live_wrong', SMOKE_ATTEMPTS: '1' },
      timeout: 60_000,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('smoke: FAIL: GET /v1/organization');
    const readyz = await fetch(`http://127.0.0.1:${ports.API_PORT}/readyz`);
    expect(readyz.status).toBe(200);
    const checks = ((await readyz.json()) as { checks: Record<string, { status: string }> }).checks;
    expect(Object.keys(checks).sort()).toEqual(['hedera', 'mongodb', 'temporal']);
    expect(Object.values(checks).every((c) => c.status === 'up')).toBe(true);

    // A server killed under a running stack is restarted by its supervisor, and readiness recovers.
    const ferretPid = Number(readFileSync(join(dataDir, 'run', 'ferretdb.pid'), 'utf8'));
    process.kill(ferretPid, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const probe = await fetch(`http://127.0.0.1:${ports.API_PORT}/readyz`).catch(() => undefined);
      recovered = probe?.status === 200 && first.stderr().includes('ferretdb restarted');
    }
    expect(recovered, first.stderr()).toBe(true);
    expect(first.stderr()).toContain('ferretdb stopped; restarting');
    expect(Number(readFileSync(join(dataDir, 'run', 'ferretdb.pid'), 'utf8'))).not.toBe(ferretPid);

    // Leave state in both servers, to find it again after a restart.
    const mongo = await MongoClient.connect(mongoUri);
    await mongo
      .db('mrv')
      .collection('resume_probe')
      .insertOne({ _id: 'marker' as never, at: new Date() });
    await mongo.close();
    const connection = await Connection.connect({ address: temporalAddress });
    const client = new Client({ connection });
    const workflowId = `selftest/resume-${Date.now()}`;
    await client.workflow.execute('selfTestWorkflow', {
      taskQueue: 'mrv-main',
      workflowId,
      args: [{ probeId: 'resume', requestedAt: new Date().toISOString() }],
    });
    await connection.close();

    const pids = readdirSync(join(dataDir, 'run'))
      .filter((f) => f.endsWith('.pid') && f !== 'mrv-up.pid')
      .map((f) => Number(readFileSync(join(dataDir, 'run', f), 'utf8')));
    expect(pids.length).toBeGreaterThanOrEqual(2);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    for (const pid of pids) expect(alive(pid)).toBe(false);

    const second = startUp(env);
    try {
      await waitForOutput(second, /Ready:\s+yes/, 120_000);
      expect(second.stdout()).toContain(`Demo key:    ${demoKey}`);
      const mongo2 = await MongoClient.connect(mongoUri);
      expect(
        await mongo2
          .db('mrv')
          .collection('resume_probe')
          .findOne({ _id: 'marker' as never }),
      ).not.toBeNull();
      await mongo2.close();
      const connection2 = await Connection.connect({ address: temporalAddress });
      const described = await new Client({ connection: connection2 }).workflow
        .getHandle(workflowId)
        .describe();
      expect(described.status.name).toBe('COMPLETED');
      await connection2.close();
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  }, 300_000);

  it('refuses to start when the API port is taken and names the variable', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const started = startUp({
        API_PORT: String(port),
        LOG_STORE_PORT: String(await findFreePort()),
        MRV_DATA_DIR: mkdtempSync(join(tmpdir(), 'mrv-up-busy-')),
      });
      expect(await started.exited).toBe(1);
      expect(started.stderr()).toMatch(/in use.*API_PORT/);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('reports a configuration error naming the variable, with exit code 2', async () => {
    const started = startUp({ HEDERA_NETWORK: 'moonnet' });
    expect(await started.exited).toBe(2);
    expect(started.stderr()).toContain('HEDERA_NETWORK');
  }, 60_000);
});
