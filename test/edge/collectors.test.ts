import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGap, type Sample } from '../../edge/collectors/collector.ts';
import { createCollector } from '../../edge/collectors/create-collector.ts';
import { reconnecting } from '../../edge/collectors/reconnecting-collector.ts';
import { resolvePoints } from '../../edge/template/edge-template.ts';
import { loadTemplate } from '../../edge/template/template-library.ts';
import { freePort } from './support/free-port.ts';
import { startModbusPlantSimulator } from './support/modbus-plant-simulator.ts';
import { startOpcuaScadaServer } from './support/opcua-scada-server.ts';

const units = [
  { unit_id: 'U1', turbine: 'francis' as const, capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 },
  { unit_id: 'U2', turbine: 'francis' as const, capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 },
];

const value = (s: Sample) => {
  if (isGap(s)) throw new Error(`gap: ${s.gap}`);
  return s.value;
};

describe('Modbus TCP collector against the plant simulator (modbus-serial ServerTCP)', () => {
  const points = resolvePoints(loadTemplate('mrv-synthetic-plant'));
  const byId = (id: string) => points.find((p) => p.sensor_id === id)!;

  it('reads physically consistent registers, a failing register is a gap and a dead server reconnects', async () => {
    const sim = await startModbusPlantSimulator({ units, startMs: Date.parse('2026-05-01T00:00:00Z') });
    sim.advanceTo(Date.parse('2026-05-01T06:00:00Z'));
    const collector = reconnecting(
      createCollector({ protocol: 'modbus-tcp', host: '127.0.0.1', port: sim.port, unit_id: 1 }, points, {
        timeoutMs: 1000,
      }),
      { readTimeoutMs: 1000, baseMs: 10, capMs: 50 },
    );
    try {
      const exported = value(await collector.collect(byId('exp_01')));
      const power = value(await collector.collect(byId('pwr_01')));
      const flow = value(await collector.collect(byId('flow_01')));
      const head = value(await collector.collect(byId('head_01')));
      expect(exported).toBeCloseTo(sim.unit(1).exportKwh, 0);
      // P = ρ g Q H η: the simulator's power is consistent with its flow and head.
      const eta = power / ((1000 * 9.81 * flow * head) / 1000);
      expect(eta).toBeGreaterThan(0.6);
      expect(eta).toBeLessThan(0.95);
      sim.fail('flow_01');
      const failed = await collector.collect(byId('flow_01'));
      expect(isGap(failed) && failed.gap).toMatch(/modbus/i);
      sim.heal();
      await sim.close();
      const down = await collector.collect(byId('pwr_01'));
      expect(isGap(down)).toBe(true);
    } finally {
      await collector.close();
    }
  }, 30_000);

  it('unit id 2 is the second generating unit', async () => {
    const sim = await startModbusPlantSimulator({ units, startMs: 0 });
    sim.advanceTo(3_600_000);
    const collector = createCollector(
      { protocol: 'modbus-tcp', host: '127.0.0.1', port: sim.port, unit_id: 2 },
      points,
      { timeoutMs: 1000 },
    );
    await collector.connect();
    try {
      expect(value(await collector.collect(byId('exp_01')))).toBeCloseTo(sim.unit(2).exportKwh, 0);
    } finally {
      await collector.close();
      await sim.close();
    }
  });
});

describe('OPC-UA collector against an in-process node-opcua server', () => {
  let scada: Awaited<ReturnType<typeof startOpcuaScadaServer>>;
  beforeAll(async () => {
    scada = await startOpcuaScadaServer({
      'U1.ExportRegister': 1234.5,
      'U1.ActivePower': 2100,
      'U1.Flow': 6.1,
      'U1.NetHead': 44.8,
    });
  }, 60_000);
  afterAll(async () => {
    await scada?.close();
  });

  it('reads nodes; a Bad status code is a gap, not a zero', async () => {
    const points = resolvePoints(loadTemplate('opcua-hydro-scada'));
    const collector = createCollector({ protocol: 'opcua', endpoint: scada.endpoint }, points, {
      timeoutMs: 5000,
    });
    await collector.connect();
    try {
      const flow = points.find((p) => p.sensor_id === 'flow_01')!;
      expect(value(await collector.collect(flow))).toBe(6.1);
      scada.set('U1.Flow', 6.4);
      expect(value(await collector.collect(flow))).toBe(6.4);
      scada.bad('U1.Flow');
      const gap = await collector.collect(flow);
      expect(isGap(gap) && gap.gap).toMatch(/Bad/);
    } finally {
      await collector.close();
    }
  }, 60_000);
});

describe('MQTT collector against an in-process aedes broker', () => {
  it('maps topics and JSON paths to sensors; a silent publisher becomes a gap', async () => {
    const broker = await Aedes.createBroker();
    const server = createNetServer(broker.handle);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    let clock = 1_000_000;
    const points = resolvePoints(loadTemplate('mqtt-hydro-json'));
    const collector = createCollector(
      { protocol: 'mqtt', url: `mqtt://127.0.0.1:${port}`, stale_s: 60 },
      points,
      {
        timeoutMs: 2000,
        now: () => clock,
      },
    );
    await collector.connect();
    const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`);
    try {
      const flow = points.find((p) => p.sensor_id === 'flow_01')!;
      expect(isGap(await collector.collect(flow))).toBe(true);
      await publisher.publishAsync(
        'plant/u1/hydraulics',
        JSON.stringify({ flow: { value: 5.5 }, head: { value: 44 } }),
        { qos: 1 },
      );
      await expect.poll(async () => collector.collect(flow), { timeout: 5000 }).toEqual({ value: 5.5 });
      await publisher.publishAsync('plant/u1/hydraulics', '{not json', { qos: 1 });
      await expect.poll(async () => isGap(await collector.collect(flow)), { timeout: 5000 }).toBe(true);
      await publisher.publishAsync('plant/u1/hydraulics', JSON.stringify({ flow: { value: 5.7 } }), {
        qos: 1,
      });
      await expect.poll(async () => collector.collect(flow), { timeout: 5000 }).toEqual({ value: 5.7 });
      clock += 61_000;
      expect(isGap(await collector.collect(flow))).toBe(true);
    } finally {
      await publisher.endAsync();
      await collector.close();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      server.close();
    }
  }, 30_000);
});

describe('HTTP/JSON collector against a local historian', () => {
  let server: Server;
  let url = '';
  let answer: { status: number; body: string } = { status: 200, body: '{}' };
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/`;
  });
  afterAll(() => server.close());

  it('reads numbers at JSON paths; an error answer or a missing number is a gap', async () => {
    const points = resolvePoints(loadTemplate('http-historian-json'));
    const flow = points.find((p) => p.sensor_id === 'flow_01')!;
    const collector = createCollector({ protocol: 'http', base_url: url }, points, { timeoutMs: 2000 });
    answer = {
      status: 200,
      body: JSON.stringify({ flow_m3s: '6.25', head_m: 44, export_register_kwh: 100 }),
    };
    expect(await collector.collect(flow)).toEqual({ value: 6.25 });
    await new Promise((r) => setTimeout(r, 1100));
    answer = { status: 500, body: '{}' };
    expect(isGap(await collector.collect(flow))).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    answer = { status: 200, body: JSON.stringify({ flow_m3s: null }) };
    expect(isGap(await collector.collect(flow))).toBe(true);
  });
});

describe('CSV/file drop collector', () => {
  it('reads the latest row of each dropped file once, and moves the file to done/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-drop-'));
    const points = resolvePoints(loadTemplate('csv-historian-export'));
    const flow = points.find((p) => p.sensor_id === 'flow_01')!;
    const collector = createCollector(
      { protocol: 'file', directory: dir, time_column: 'time', stale_s: 3600 },
      points,
      { timeoutMs: 1000 },
    );
    await collector.connect();
    expect(isGap(await collector.collect(flow))).toBe(true);
    const now = new Date().toISOString();
    writeFileSync(
      join(dir, '001.csv'),
      `time,flow_m3s,head_m,export_register_kwh\n${now},6.0,44,10\n${now},6.5,44,11\n`,
    );
    expect(await collector.collect(flow)).toEqual({ value: 6.5 });
    writeFileSync(join(dir, '002.csv'), `time,flow_m3s\n${now},not-a-number\n`);
    expect(isGap(await collector.collect(flow))).toBe(true);
    writeFileSync(join(dir, '003.csv'), `time,flow_m3s\n2020-01-01T00:00:00Z,7\n`);
    expect(isGap(await collector.collect(flow))).toBe(true);
  });
});
