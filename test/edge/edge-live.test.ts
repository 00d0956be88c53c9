import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsOf } from '../../edge/agent/edge-agent.ts';
import { edgePaths } from '../../edge/cli/edge-paths.ts';
import { keygenCommand } from '../../edge/cli/keygen-command.ts';
import { loadGateway } from '../../edge/cli/load-gateway.ts';
import { pairCommand, parsePairingInput } from '../../edge/cli/pair-command.ts';
import { statusCommand } from '../../edge/cli/status-command.ts';
import { flushAnchorsSignal } from '../../workflows/definitions/messages.ts';
import { workflowIds } from '../../workflows/shared.ts';
import { approvedAllAnchored } from '../workflows/support/drive-pipeline.ts';
import { waitFor } from '../workflows/support/wait-for.ts';
import { drainAll, fastClockAgent, runIntervals } from './support/drive-agent.ts';
import { type EdgeStack, PLANT_UNITS, startEdgeStack } from './support/edge-stack.ts';
import {
  type ModbusPlantSimulator,
  REGISTER_MODULUS_KWH,
  startModbusPlantSimulator,
} from './support/modbus-plant-simulator.ts';

const MIN = 60_000;

describe('edge agent → live API (FerretDB, Temporal, local Hedera): pairing, faults, anchoring', () => {
  let stack: EdgeStack;
  let sim: ModbusPlantSimulator;
  const startMs = Math.floor((Date.now() - 6 * 3_600_000) / 3_600_000) * 3_600_000;

  beforeAll(async () => {
    stack = await startEdgeStack('edgelive');
    sim = await startModbusPlantSimulator({ units: PLANT_UNITS, startMs });
  }, 300_000);
  afterAll(async () => {
    await sim?.close();
    await stack?.close();
  });

  /** The walkthrough of docs/edge.md: keys made on the gateway, devices registered, enrolled by CSR. */
  async function pairGateway(name: string, devices: { ref: string; scope: string; unit_id: number }[]) {
    const dataDir = mkdtempSync(join(tmpdir(), `edge-${name}-`));
    const paths = edgePaths(dataDir);
    const dids = keygenCommand({ paths, count: devices.length });
    const created = await stack.createGateway(
      name,
      devices.map((d, i) => ({
        did: dids[i]!,
        ref: d.ref,
        scope: d.scope,
        poll_s: 10,
        sources: [
          {
            template: 'mrv-synthetic-plant',
            connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port: sim.port, unit_id: d.unit_id },
          },
        ],
      })),
    );
    const pairing = parsePairingInput(created.payload);
    const config = await pairCommand({ pairing, paths, serverCa: stack.serverCertPem });
    return { dataDir, config, pairing };
  }

  it('pairs from the QR payload, reads the simulator, and the readings are APPROVED and anchored; faults give the right findings', async () => {
    const { dataDir, config, pairing } = await pairGateway('powerhouse', [
      { ref: 'u1', scope: 'U1', unit_id: 1 },
      { ref: 'u2', scope: 'U2', unit_id: 2 },
    ]);
    // The agent sends over mutual TLS with the certificate it enrolled; the one-time token is spent.
    expect(config.api_url).toBe(stack.mtlsUrl);
    expect(config.tls?.cert).toContain('BEGIN CERTIFICATE');
    const again = await pairCommand({
      pairing,
      paths: edgePaths(dataDir),
      serverCa: stack.serverCertPem,
    }).catch((e: Error) => e);
    expect(String(again)).toMatch(/HTTP 401/);
    const { agent, clock } = fastClockAgent(dataDir, startMs);
    try {
      // Unit 2's export meter is 100 kWh short of its uint32 rollover.
      sim.setRegisters(2, REGISTER_MODULUS_KWH - 100);
      let swapAt = -1;
      await runIntervals({
        agent,
        clock,
        sim,
        fromMs: startMs,
        count: 30,
        intervalMs: MIN,
        before: (i) => {
          if (i === 14) {
            // Both energy registers of every unit fail for one whole interval.
            sim.fail('exp_01');
            sim.fail('gen_01');
          }
          if (i === 15) sim.heal();
          if (i === 24) {
            sim.setRegisters(2, 10); // unit 2's meters are swapped for new ones reading 10 kWh
            swapAt = i;
          }
        },
      });
      expect(swapAt).toBe(24);
      const sent = await drainAll(agent);
      expect(sent.deadLettered).toBe(0);
      const u1 = config.devices.find((d) => d.ref === 'u1')!;
      const u2 = config.devices.find((d) => d.ref === 'u2')!;
      const verified = async (deviceId: string) => {
        let rows = await stack.readings(deviceId);
        await waitFor(
          async () => {
            rows = await stack.readings(deviceId);
            return rows.length > 0 && rows.every((r) => r.status !== 'RECEIVED');
          },
          300_000,
          `readings of ${deviceId} verified`,
        );
        return rows;
      };
      const r1 = await verified(u1.device_id);
      const r2 = await verified(u2.device_id);
      const doc = (r: { documentJson: string }) =>
        JSON.parse(r.documentJson) as { interval_s: number; metadata?: { edge_events?: string[] } };
      const rulesOf = (r: { findings?: { rule: string; severity: string }[] }) =>
        (r.findings ?? []).filter((f) => f.severity !== 'info').map((f) => `${f.rule}:${f.severity}`);
      // The interval after the failed register read spans 120 s: visible on the server as a cadence finding.
      const spanning = r1.find((r) => doc(r).interval_s === 120)!;
      expect(spanning).toBeDefined();
      expect(rulesOf(spanning)).toContain('time.cadence:warning');
      // The rollover is unwrapped at the edge: no register finding, the reading is approved.
      const rolled = r2.find((r) => (doc(r).metadata?.edge_events ?? []).some((e) => /rolled over/.test(e)))!;
      expect(rolled).toBeDefined();
      expect(rulesOf(rolled).filter((f) => f.startsWith('physics.register'))).toEqual([]);
      expect(rolled.status).toBe('APPROVED');
      // The swapped meter's register went down: rejected with the register rule.
      const swapped = r2.find((r) => (doc(r).metadata?.edge_events ?? []).some((e) => /went down/.test(e)))!;
      expect(swapped.status).toBe('REJECTED');
      expect(rulesOf(swapped)).toContain('physics.register_delta:error');
      const approved = [...r1, ...r2].filter((r) => r.status === 'APPROVED');
      expect(approved.length).toBeGreaterThan(30);
      const ids = [...r1, ...r2].map((r) => r._id);
      // The policy anchors every 256 readings or hourly: ask the device workflows to anchor now.
      for (const d of [u1, u2]) {
        await stack.harness.client.workflow
          .getHandle(workflowIds.device(stack.orgId, d.device_id))
          .signal(flushAnchorsSignal);
      }
      await waitFor(
        async () => approvedAllAnchored(stack.db, stack, ids),
        300_000,
        'approved readings anchored',
      );
      const status = statusCommand(edgePaths(dataDir));
      expect(status).toMatchObject({ buffer: { documents: 0 }, dead_letters: { total: 0 } });
    } finally {
      await agent.close();
    }
  }, 900_000);

  it('renews its client certificate over mTLS at two thirds of its life; the new one sends, a torn renewal still opens', async () => {
    const { dataDir } = await pairGateway('renew', [{ ref: 'u1', scope: 'U1', unit_id: 1 }]);
    const paths = edgePaths(dataDir);
    const before = loadGateway(paths);
    const oldCert = new X509Certificate(before.config.tls!.cert);
    const renewStart = Math.floor((Date.now() - 3 * 3_600_000) / 3_600_000) * 3_600_000;
    const renewSim = await startModbusPlantSimulator({ units: PLANT_UNITS, startMs: renewStart, seed: 12 });
    const lines: string[] = [];
    const log = {
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    };
    const { agent, clock } = fastClockAgent(
      dataDir,
      renewStart,
      (c) => {
        c.devices[0]!.sources[0]!.connection = {
          protocol: 'modbus-tcp',
          host: '127.0.0.1',
          port: renewSim.port,
          unit_id: 1,
        };
      },
      { renew: true, log },
    );
    try {
      expect(await agent.renewCertificateIfDue()).toBe('not_due');
      // A day before the certificate ends (the agent's clock; the API's is real, so the new one is valid).
      clock.now = Date.parse(oldCert.validTo) - 86_400_000;
      expect(await agent.renewCertificateIfDue()).toBe('renewed');
      expect(lines).toContain('client certificate renewed');
      const after = loadGateway(paths);
      expect(after.config.tls!.cert).not.toBe(before.config.tls!.cert);
      expect(after.secrets.tls_key_previous).toBe(before.secrets.tls_key);
      expect(
        new X509Certificate(after.config.tls!.cert).checkPrivateKey(createPrivateKey(after.secrets.tls_key!)),
      ).toBe(true);
      // The renewed certificate carries the readings.
      const built = await runIntervals({
        agent,
        clock,
        sim: renewSim,
        fromMs: renewStart,
        count: 2,
        intervalMs: 600_000,
      });
      expect(await drainAll(agent)).toMatchObject({ accepted: built, deadLettered: 0 });
      // A power cut after the vault was sealed but before the certificate was written: the old
      // certificate finds its key among the previous one and still opens a connection.
      expect(tlsOf(before.config, after.secrets).key).toBe(before.secrets.tls_key);
      expect(() => tlsOf(before.config, { ...after.secrets, tls_key_previous: undefined })).toThrow(
        /no key in the vault/,
      );
    } finally {
      await agent.close();
      await renewSim.close();
    }
    // An API that cannot be reached: the current certificate is kept, the agent tries again later.
    const offline = fastClockAgent(
      dataDir,
      Date.parse(oldCert.validTo),
      (c) => {
        c.api_url = 'https://127.0.0.1:9';
      },
      { renew: true, log },
    );
    try {
      offline.clock.now = Date.parse(new X509Certificate(loadGateway(paths).config.tls!.cert).validTo);
      const kept = loadGateway(paths).config.tls!.cert;
      expect(await offline.agent.renewCertificateIfDue()).toBe('failed');
      expect(await offline.agent.renewCertificateIfDue()).toBe('not_due');
      expect(loadGateway(paths).config.tls!.cert).toBe(kept);
    } finally {
      await offline.agent.close();
    }
  }, 300_000);

  it('API down for a simulated 7 days: every document arrives once, in order', async () => {
    const { dataDir, config } = await pairGateway('outage', [{ ref: 'u1', scope: 'U1', unit_id: 1 }]);
    const weekStart = Math.floor((Date.now() - 8 * 86_400_000) / 3_600_000) * 3_600_000;
    const outageSim = await startModbusPlantSimulator({ units: PLANT_UNITS, startMs: weekStart, seed: 11 });
    for (const d of config.devices)
      d.sources[0]!.connection = { ...d.sources[0]!.connection, port: outageSim.port } as never;
    const { agent, clock } = fastClockAgent(dataDir, weekStart, (c) => {
      c.interval_s = 600;
      c.devices[0]!.sources[0]!.connection = {
        protocol: 'modbus-tcp',
        host: '127.0.0.1',
        port: outageSim.port,
        unit_id: 1,
      };
      c.buffer = { batch: 200 };
    });
    await stack.stop();
    try {
      const built = await runIntervals({
        agent,
        clock,
        sim: outageSim,
        fromMs: weekStart,
        count: 7 * 144,
        intervalMs: 600_000,
      });
      // While the API is down nothing is lost: the drain waits and keeps every document.
      for (let i = 0; i < 3; i++) expect((await agent.drain()).outcome).toBe('wait');
      expect(agent.buffer.depth().documents).toBe(built);
      await stack.start();
      const sent = await drainAll(agent);
      expect(sent).toMatchObject({ accepted: built, duplicates: 0, deadLettered: 0 });
      const rows = await stack.db
        .collection<{ _id: string; seq: number; receivedAt: Date }>('readings')
        .find({ orgId: stack.orgId, deviceId: config.devices[0]!.device_id })
        .toArray();
      expect(rows.length).toBe(built);
      const bySeq = [...rows].sort((a, b) => a.seq - b.seq).map((r) => r.seq);
      expect(bySeq).toEqual(Array.from({ length: built }, (_, i) => i));
      // Arrival order is seq order (oldest first): receive times never go back as seq goes up.
      const received = [...rows].sort((a, b) => a.seq - b.seq).map((r) => r.receivedAt.getTime());
      expect(received.every((t, i) => i === 0 || t >= received[i - 1]!)).toBe(true);
    } finally {
      await stack.start().catch(() => undefined);
      await agent.close();
      await outageSim.close();
    }
  }, 900_000);
});
