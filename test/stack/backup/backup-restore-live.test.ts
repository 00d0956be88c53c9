import { spawn, spawnSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchProject, json } from '../../../bench/bench-project.ts';
import { signTelemetry, type TelemetryDocument } from '../../../engine/telemetry/index.ts';
import { stackPorts, startUp, stopStacks, waitForOutput } from '../support/mrv-up-process.ts';

interface Device {
  id: string;
  did: string;
  key: KeyObject;
}

const reading = (d: Device, seq: number) =>
  signTelemetry(
    {
      schema_version: '1.0.0',
      device_id: d.did,
      seq,
      timestamp: new Date(Date.UTC(2026, 4, 1) + seq * 900_000).toISOString().replace('.000Z', 'Z'),
      interval_s: 900,
      readings: [
        { sensor_id: 'gen_01', type: 'energy', value: 240 + (seq % 5), unit: 'kWh' },
        { sensor_id: 'exp_01', type: 'energy_export', value: 238 + (seq % 5), unit: 'kWh' },
      ],
    } as unknown as TelemetryDocument,
    d.key,
  );

function mrv(args: string[], env: NodeJS.ProcessEnv) {
  const { MONGODB_URI: _m, TEMPORAL_ADDRESS: _t, ...rest } = process.env;
  return spawnSync(process.execPath, ['bin/mrv.js', ...args], { encoding: 'utf8', env: { ...rest, ...env } });
}

/**
 * The whole round trip on real servers: `mrv backup` of a running stack while an edge client keeps
 * posting, `mrv restore` into a new directory, and `mrv up` on it. Every reading answered 2xx before
 * the backup began is there and ends verified; the device workflows go on (new readings verify, an
 * old one is a duplicate); the ledger holds no message twice.
 */
describe('a running stack, backed up and restored', () => {
  const root = mkdtempSync(join(tmpdir(), 'mrv-backup-live-'));
  afterAll(async () => {
    await stopStacks();
    rmSync(root, { recursive: true, force: true });
  });

  it('resumes from the backup: readings, workflows and ledger', async () => {
    const ports = await stackPorts();
    const base = `http://127.0.0.1:${ports.API_PORT}`;
    const original = join(root, 'original');
    const first = startUp({ ...ports, MRV_DATA_DIR: original });
    await waitForOutput(first, /Ready:\s+yes/, 120_000);

    const { key, projectId } = await benchProject(base, 'Backed-up Hydro');
    const devices: Device[] = [];
    for (let i = 0; i < 2; i++) {
      const d = await json(`${base}/v1/devices/provision`, {
        method: 'POST',
        key,
        body: JSON.stringify({ project_id: projectId }),
      });
      devices.push({
        id: d.device.id,
        did: d.device.did,
        key: createPrivateKey({ key: d.pairing.private_key_jwk, format: 'jwk' }),
      });
      // The registry's approval (the demo organization's admin key holds every role); the device
      // workflow takes it once it has reached its approval step.
      for (let attempt = 0; ; attempt++) {
        const approved = await fetch(`${base}/v1/devices/${d.device.id}/approve`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ reason: 'meter inspected' }),
        });
        if (approved.ok) break;
        if (attempt > 60) throw new Error(`approve: ${approved.status} ${await approved.text()}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const post = async (docs: object[]) => {
      const r = await fetch(`${base}/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ documents: docs }),
      }).catch(() => undefined);
      if (!r || r.status >= 300) return [];
      const body = (await r.json()) as { results: { status: string; reading_id: string }[] };
      return body.results;
    };
    const statuses = async () => {
      const found = new Map<string, string>();
      for (let cursor: string | null = null; ; ) {
        const page = await json(`${base}/v1/readings?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { key });
        for (const r of page.data) found.set(r.id, r.status);
        cursor = page.next_cursor;
        if (!cursor) return found;
      }
    };
    const settled = async (ids: string[], timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const s = await statuses();
        if (ids.every((id) => s.has(id) && s.get(id) !== 'RECEIVED')) return s;
        if (Date.now() > deadline)
          throw new Error(`not verified: ${ids.filter((id) => s.get(id) === 'RECEIVED' || !s.has(id))}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    };

    // 260 readings: more than the policy's anchoring batch (256), so the ledger has work to keep.
    const before: string[] = [];
    for (let seq = 1; seq <= 130; seq += 25) {
      const docs = devices.flatMap((d) =>
        Array.from({ length: Math.min(25, 131 - seq) }, (_, i) => reading(d, seq + i)),
      );
      for (const r of await post(docs)) before.push(r.reading_id);
    }
    expect(before).toHaveLength(260);
    await settled(before);
    const mirror = `http://127.0.0.1:${ports.HEDERA_LOCAL_MIRROR_REST_PORT}`;
    const anchored = async () =>
      (await json(`${mirror}/api/v1/transactions?limit=100&order=asc`)).transactions.filter(
        (t: { name: string }) => t.name === 'CONSENSUSSUBMITMESSAGE',
      ).length;
    for (let i = 0; i < 90 && (await anchored()) === 0; i++) await new Promise((r) => setTimeout(r, 1000));
    const histogram = [...(await statuses()).values()].reduce<Record<string, number>>(
      (h, st) => Object.assign(h, { [st]: (h[st] ?? 0) + 1 }),
      {},
    );
    expect(await anchored(), JSON.stringify(histogram)).toBeGreaterThan(0);

    // The backup runs while an edge client keeps posting.
    const backupDir = join(root, 'backup');
    const backup = spawn(process.execPath, ['bin/mrv.js', 'backup', backupDir], {
      env: { ...process.env, MRV_DATA_DIR: original, MONGODB_URI: '', TEMPORAL_ADDRESS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let backupOut = '';
    let backupErr = '';
    backup.stdout.on('data', (d) => (backupOut += d));
    backup.stderr.on('data', (d) => (backupErr += d));
    const backupExit = new Promise<number | null>((r) => backup.once('exit', r));
    let seq = 131;
    let done = false;
    void backupExit.then(() => (done = true));
    while (!done) await post(devices.map((d) => reading(d, seq++)));
    expect(await backupExit, backupErr).toBe(0);
    const summary = JSON.parse(backupOut);
    expect(summary.stack_running).toBe(true);
    expect(summary.ledger_events).toBeGreaterThan(0);
    const ledgerBefore = await json(
      `http://127.0.0.1:${ports.HEDERA_LOCAL_MIRROR_REST_PORT}/api/v1/transactions?limit=100`,
    );
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    // Restore into a new directory, the master key given as a file (kept apart from the backup).
    const restored = join(root, 'restored');
    const keyFile = join(original, 'master.key');
    const r = mrv(['restore', backupDir, '--data-dir', restored], {
      MRV_MASTER_KEY_FILE: keyFile,
      MRV_MASTER_KEY: '',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files).toBe(summary.files);

    const second = startUp({ ...ports, MRV_DATA_DIR: restored });
    await waitForOutput(second, /Ready:\s+yes/, 120_000);
    // Every reading accepted before the backup began is back and verified, with the same verdict.
    const after = await settled(before);
    expect(before.every((id) => after.has(id))).toBe(true);
    // The workflows go on: a reading sent before is a duplicate, new ones verify.
    const again = await post([reading(devices[0]!, 1)]);
    expect(again.map((x) => x.status)).toEqual(['duplicate']);
    const fresh = (await post(devices.map((d) => reading(d, seq + 10)))).map((x) => x.reading_id);
    expect(fresh).toHaveLength(2);
    await settled(fresh);
    // The ledger resumed where the backup left it: its early transactions are the original's, and no
    // topic message was submitted twice.
    const ledgerAfter = await json(`${mirror}/api/v1/transactions?limit=100&order=asc`);
    const ids = (x: Record<string, unknown>) =>
      (x.transactions as { transaction_id: string }[]).map((t) => t.transaction_id);
    const originalIds = new Set(ids(ledgerBefore));
    expect(
      ids(ledgerAfter)
        .slice(0, summary.ledger_events)
        .every((id) => originalIds.has(id)),
    ).toBe(true);
    const messages = ledgerAfter.transactions.filter(
      (t: { name: string }) => t.name === 'CONSENSUSSUBMITMESSAGE',
    );
    const hashes = messages.map((t: { transaction_hash: string }) => t.transaction_hash);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(readFileSync(join(restored, 'restored-from-backup.json.done'), 'utf8')).toBeDefined();
  }, 420_000);

  it('refuses to back up servers that are not the embedded ones, and says how to call it', () => {
    const external = mrv(['backup', join(root, 'x')], { MONGODB_URI: 'mongodb://db.example:27017/' });
    expect(external.status).toBe(2);
    expect(external.stderr).toContain('MONGODB_URI or TEMPORAL_ADDRESS is set');
    const noArgs = mrv(['backup'], {});
    expect(noArgs.status).toBe(2);
    expect(noArgs.stderr).toContain('usage: mrv backup');
    const notABackup = mrv(['restore', root, '--check'], {});
    expect(notABackup.status).toBe(1);
    expect(notABackup.stderr).toContain('not a backup, or a partial one');
  });
});
