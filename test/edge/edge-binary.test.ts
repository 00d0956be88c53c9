import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../workflows/support/wait-for.ts';
import { fastClockAgent, runIntervals } from './support/drive-agent.ts';
import { type EdgeStack, PLANT_UNITS, startEdgeStack } from './support/edge-stack.ts';
import { type ModbusPlantSimulator, startModbusPlantSimulator } from './support/modbus-plant-simulator.ts';

const BINARY = join(process.cwd(), '.data/edge-build/mrv-edge-linux-x64');

/** The shell blocks of docs/edge.md marked `sh walkthrough`, in order (the test runs them). */
function walkthrough(): string[] {
  const doc = readFileSync('docs/edge.md', 'utf8');
  return [...doc.matchAll(/```sh walkthrough\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('the mrv-edge linux-x64 single executable: docs walkthrough (keygen, pair over mTLS), kill -9 mid-batch', () => {
  let stack: EdgeStack;
  let sim: ModbusPlantSimulator;
  const startMs = Math.floor((Date.now() - 30 * 3_600_000) / 3_600_000) * 3_600_000;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(BINARY)) {
      execFileSync('npx', ['tsx', 'edge/packaging/build-edge.ts', 'linux-x64'], {
        stdio: 'inherit',
        timeout: 600_000,
      });
    }
    stack = await startEdgeStack('edgebin');
    sim = await startModbusPlantSimulator({ units: PLANT_UNITS, startMs });
  }, 900_000);
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await sim?.close();
    await stack?.close();
  });

  it('pair, test, status as docs/edge.md says; run survives kill -9 mid-batch, losing and duplicating nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'edge-bin-'));
    const serverCa = join(data, 'server-cert.pem');
    writeFileSync(serverCa, stack.serverCertPem);
    const env: Record<string, string | undefined> = {
      ...process.env,
      MRV_EDGE: BINARY,
      DATA: data,
      SERVER_CA: serverCa,
    };
    // Asynchronously: the API answering the binary runs in this process's event loop.
    const exec = promisify(execFile);
    const outputs: string[] = [];
    const blocks = walkthrough();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const [i, script] of blocks.entries()) {
      const { stdout } = await exec('bash', ['-euo', 'pipefail', '-c', script], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      outputs.push(stdout);
      if (i === 0) {
        // The admin's step between keygen and pair (docs/edge.md, step 2): register, approve, create.
        const [did] = (JSON.parse(stdout) as { device_dids: string[] }).device_dids;
        const created = await stack.createGateway('binary', [
          {
            did: did!,
            ref: 'u1',
            scope: 'U1',
            poll_s: 5,
            sources: [
              {
                template: 'mrv-synthetic-plant',
                connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port: sim.port, unit_id: 1 },
              },
            ],
          },
        ]);
        env.PAIRING = created.payload;
      }
    }
    const paired = JSON.parse(outputs[1]!) as { devices: { device_id: string }[]; api_url: string };
    expect(paired.api_url).toBe(stack.mtlsUrl);
    const deviceId = paired.devices[0]!.device_id;
    // `mrv-edge test` printed a signed document with units.
    const tested = JSON.parse(outputs[2]!) as {
      document: { readings: { unit: string }[]; signature: string };
    }[];
    expect(tested[0]!.document.readings.map((r) => r.unit)).toContain('kWh');
    expect(tested[0]!.document.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);

    // A day of backlog built while the API is unreachable (fast clock, in-process), then the binary drains it.
    const { agent, clock } = fastClockAgent(data, startMs, (c) => {
      c.buffer = { batch: 25 };
    });
    const built = await runIntervals({
      agent,
      clock,
      sim,
      fromMs: startMs,
      count: 24 * 12,
      intervalMs: 300_000,
    });
    await agent.close();
    const config = JSON.parse(readFileSync(join(data, 'config.json'), 'utf8'));
    config.buffer = { batch: 25 };
    config.interval_s = 300;
    execFileSync('bash', ['-c', `cat > "${join(data, 'config.json')}"`], { input: JSON.stringify(config) });
    const start = () => {
      const child = spawn(BINARY, ['run', '--data', data], { stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      return child;
    };
    const count = async () => (await stack.readings(deviceId)).length;
    const first = start();
    await waitFor(async () => (await count()) >= 50, 180_000, 'the first batches delivered');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect(await count()).toBeLessThan(built);
    const second = start();
    await waitFor(async () => (await count()) >= built, 300_000, 'the backlog delivered');
    const rows = await stack.readings(deviceId);
    const seqs = rows.map((r) => r.seq).filter((s) => s < built);
    expect(seqs).toEqual(Array.from({ length: built }, (_, i) => i));
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
    const status = JSON.parse(execFileSync(BINARY, ['status', '--data', data], { encoding: 'utf8' })) as {
      dead_letters: { total: number };
      last_submit: { outcome: string } | null;
    };
    expect(status.dead_letters.total).toBe(0);
    expect(status.last_submit).not.toBeNull();
  }, 900_000);
  it('edge/install.sh installs the binary, keys and a hardened systemd unit, and pairs (under a prefix)', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'edge-install-'));
    const serverCa = join(prefix, 'server-cert.pem');
    writeFileSync(serverCa, stack.serverCertPem);
    const exec = promisify(execFile);
    const env = { ...process.env, MRV_EDGE_PREFIX: prefix };
    const install = (...args: string[]) =>
      exec('bash', ['edge/install.sh', ...args], { env, encoding: 'utf8', timeout: 120_000 });
    const keygen = await install(BINARY, 'keygen', '--count', '1');
    const [did] = (JSON.parse(keygen.stdout) as { device_dids: string[] }).device_dids;
    const created = await stack.createGateway('installed', [
      {
        did: did!,
        ref: 'u1',
        scope: 'U1',
        poll_s: 5,
        sources: [
          {
            template: 'mrv-synthetic-plant',
            connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port: sim.port, unit_id: 1 },
          },
        ],
      },
    ]);
    const paired = await install(BINARY, created.payload, '--server-ca', serverCa);
    expect(paired.stdout).toMatch(/installed under .* \(no systemctl run\)/);
    const mode = (path: string) => (statSync(join(prefix, path)).mode & 0o777).toString(8);
    expect(mode('usr/local/bin/mrv-edge')).toBe('755');
    expect(mode('var/lib/mrv-edge')).toBe('700');
    expect(mode('etc/mrv-edge')).toBe('700');
    // The vault key lives apart from the data directory: a copied data directory alone opens nothing.
    expect(existsSync(join(prefix, 'etc/mrv-edge/vault.key'))).toBe(true);
    expect(existsSync(join(prefix, 'var/lib/mrv-edge/vault.key'))).toBe(false);
    const unit = readFileSync(join(prefix, 'etc/systemd/system/mrv-edge.service'), 'utf8');
    expect(unit).toContain(
      'ExecStart=/usr/local/bin/mrv-edge run --data /var/lib/mrv-edge --key-file /etc/mrv-edge/vault.key',
    );
    expect(unit).toMatch(/ProtectSystem=strict[\s\S]*ReadWritePaths=\/var\/lib\/mrv-edge/);
    // The runtime flags that keep the agent's memory down ship in the unit and in the Windows task alike.
    const nodeOptions = /^Environment="NODE_OPTIONS=(.+)"$/m.exec(unit)?.[1];
    expect(nodeOptions).toMatch(/--v8-pool-size=1 .*--max-semi-space-size=2/);
    const windows = readFileSync('edge/packaging/mrv-edge-service.ps1', 'utf8');
    expect(/^\$nodeFlags = '(.+)'$/m.exec(windows)?.[1]).toBe(nodeOptions);
    const config = JSON.parse(readFileSync(join(prefix, 'var/lib/mrv-edge/config.json'), 'utf8')) as {
      gateway_id: string;
    };
    expect(config.gateway_id).toBe(created.gatewayId);
    expect(mode('var/lib/mrv-edge/config.json')).toBe('600');
    // The installed binary answers from its own paths before its first run.
    const status = execFileSync(
      join(prefix, 'usr/local/bin/mrv-edge'),
      ['status', '--data', join(prefix, 'var/lib/mrv-edge')],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: nodeOptions } },
    );
    expect(status).toContain('the agent has not run');
    // Refusals: too few arguments (2), a binary that is not executable (1), a payload the API refuses.
    await expect(install(BINARY)).rejects.toMatchObject({ code: 2 });
    await expect(install(serverCa, 'keygen')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/is not an executable/),
    });
    await expect(install(BINARY, created.payload, '--server-ca', serverCa)).rejects.toMatchObject({
      stderr: expect.stringMatching(/mrv-edge: PAIRING_FAILED/),
    });
  }, 300_000);
});
