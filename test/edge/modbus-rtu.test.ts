import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGap, type Sample } from '../../edge/collectors/collector.ts';
import { createCollector } from '../../edge/collectors/create-collector.ts';
import { resolvePoints } from '../../edge/template/edge-template.ts';
import { loadTemplate } from '../../edge/template/template-library.ts';
import { waitFor } from '../workflows/support/wait-for.ts';
import { PLANT_UNITS } from './support/edge-stack.ts';
import { type ModbusPlantSimulator, startModbusPlantSimulator } from './support/modbus-plant-simulator.ts';

/**
 * Modbus RTU over a real serial line discipline: socat links two pseudo-terminals, the plant
 * simulator is the RTU slave on one end (modbus-serial's ServerSerial, through serialport's native
 * binding) and the agent's collector the master on the other (connectRTUBuffered, CRC-checked frames).
 */
describe('Modbus RTU collector over a pty pair (socat)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edge-rtu-'));
  const slave = join(dir, 'slave');
  const master = join(dir, 'master');
  let socat: ChildProcess;
  let sim: ModbusPlantSimulator;
  const points = resolvePoints(loadTemplate('mrv-synthetic-plant'));
  const byId = (id: string) => points.find((p) => p.sensor_id === id)!;
  const value = (s: Sample) => {
    if (isGap(s)) throw new Error(`gap: ${s.gap}`);
    return s.value;
  };

  beforeAll(async () => {
    const bin = execFileSync('bash', ['scripts/install-socat.sh'], { encoding: 'utf8' }).trim();
    socat = spawn(bin, [`pty,raw,echo=0,link=${slave}`, `pty,raw,echo=0,link=${master}`], {
      stdio: 'ignore',
    });
    await waitFor(async () => existsSync(slave) && existsSync(master), 10_000, 'socat ptys');
    sim = await startModbusPlantSimulator({
      units: PLANT_UNITS,
      startMs: Date.parse('2026-05-01T00:00:00Z'),
      serialPath: slave,
    });
    sim.advanceTo(Date.parse('2026-05-01T06:00:00Z'));
  }, 120_000);
  afterAll(async () => {
    await sim?.close();
    socat?.kill('SIGTERM');
  });

  it('reads the same registers as over TCP; a failing register is a gap; another unit id answers its own', async () => {
    const rtu = (unit_id: number) =>
      createCollector({ protocol: 'modbus-rtu', path: master, baud_rate: 9600, unit_id }, points, {
        timeoutMs: 2000,
      });
    const u1 = rtu(1);
    await u1.connect();
    try {
      expect(value(await u1.collect(byId('exp_01')))).toBeCloseTo(sim.unit(1).exportKwh, 0);
      expect(value(await u1.collect(byId('flow_01')))).toBeCloseTo(sim.unit(1).flowM3s, 1);
      sim.fail('gen_01');
      const failed = await u1.collect(byId('gen_01'));
      expect(isGap(failed) && failed.gap).toMatch(/modbus/i);
      sim.heal();
      expect(value(await u1.collect(byId('gen_01')))).toBeCloseTo(sim.unit(1).genKwh, 0);
    } finally {
      await u1.close();
    }
    const u2 = rtu(2);
    await u2.connect();
    try {
      expect(value(await u2.collect(byId('exp_01')))).toBeCloseTo(sim.unit(2).exportKwh, 0);
    } finally {
      await u2.close();
    }
  }, 60_000);
});
