import modbusSerial from 'modbus-serial';
import { encodeRegisters } from '../../../edge/template/decode-registers.ts';
import { type Point, resolvePoints } from '../../../edge/template/edge-template.ts';
import { loadTemplate } from '../../../edge/template/template-library.ts';
import type { PlantUnit } from '../../../engine/plant/index.ts';
import {
  createRandomSource,
  createRiver,
  operateUnit,
} from '../../../engine/verification/synthetic/index.ts';
import { freePort } from './free-port.ts';

const SIM_POINTS = new Map(resolvePoints(loadTemplate('mrv-synthetic-plant')).map((p) => [p.sensor_id, p]));
/** The export/generation registers are uint32 × 0.1 kWh: they wrap at 2^32 × 0.1. */
export const REGISTER_MODULUS_KWH = 2 ** 32 * 0.1;

interface UnitSim {
  unit: PlantUnit;
  exportKwh: number;
  genKwh: number;
  powerKw: number;
  flowM3s: number;
  headM: number;
}

/**
 * A Modbus TCP meter bank (modbus-serial's ServerTCP) whose registers follow the engine's synthetic
 * plant model: unit id n is generating unit n, its flow from the river model, its power and energy
 * from `operateUnit` (physically consistent with flow and head). Time is the simulator's own: tests
 * `advanceTo` a fast clock. Faults: failing registers (Modbus exception 4), a register reset,
 * a swapped meter, a start near the rollover.
 */
export async function startModbusPlantSimulator(options: {
  units: PlantUnit[];
  startMs: number;
  seed?: number;
  startRegisterKwh?: number;
  /** Also serve the meters as a Modbus RTU slave on this serial device (9600 8N1). */
  serialPath?: string;
}) {
  const random = createRandomSource(options.seed ?? 7);
  const ratedTotal = options.units.reduce((s, u) => s + (u.rated_flow_m3s ?? 0), 0);
  const river = createRiver(random, ratedTotal, 30);
  const sims: UnitSim[] = options.units.map((unit) => ({
    unit,
    exportKwh: options.startRegisterKwh ?? 8_812_345.6,
    genKwh: (options.startRegisterKwh ?? 8_812_345.6) * 1.01,
    powerKw: 0,
    flowM3s: 0,
    headM: unit.rated_head_m ?? 45,
  }));
  let nowMs = options.startMs;
  const failing = new Set<string>();
  let reads = 0;

  function registers(sim: UnitSim): Map<number, number> {
    const out = new Map<number, number>();
    const put = (id: string, value: number) => {
      const point = SIM_POINTS.get(id)! as Point;
      for (const [i, word] of encodeRegisters(value, point).entries()) out.set(point.address! + i, word);
    };
    put('exp_01', sim.exportKwh % REGISTER_MODULUS_KWH);
    put('gen_01', sim.genKwh % REGISTER_MODULUS_KWH);
    put('pwr_01', sim.powerKw);
    put('flow_01', sim.flowM3s);
    put('head_01', sim.headM);
    return out;
  }

  const port = await freePort();
  const vector = {
    getHoldingRegister: (address: number, unitId: number) => {
      reads++;
      const sim = sims[unitId - 1];
      if (!sim) throw { modbusErrorCode: 0x0b };
      for (const id of failing) {
        const p = SIM_POINTS.get(id)!;
        if (address >= p.address! && address < p.address! + 2) throw { modbusErrorCode: 0x04 };
      }
      const value = registers(sim).get(address);
      if (value === undefined) throw { modbusErrorCode: 0x02 };
      return value;
    },
  };
  const server = new modbusSerial.ServerTCP(vector, { host: '127.0.0.1', port, unitID: 255 });
  await new Promise<void>((resolve, reject) => {
    server.on('initialized', () => resolve());
    server.on('serverError', reject);
  });
  // The same meter bank as a Modbus RTU slave on a serial line (a pty end: test/edge/modbus-rtu.test.ts).
  const serial = options.serialPath
    ? new modbusSerial.ServerSerial(vector, { path: options.serialPath, baudRate: 9600, unitID: 255 })
    : undefined;
  if (serial) {
    await new Promise<void>((resolve, reject) => {
      serial.on('initialized', () => resolve());
      serial.on('error', reject);
    });
  }

  return {
    port,
    get reads() {
      return reads;
    },
    get nowMs() {
      return nowMs;
    },
    unit: (n: number) => sims[n - 1]!,
    /** Runs the plant forward to `toMs` in one-minute steps. */
    advanceTo(toMs: number): void {
      while (nowMs < toMs) {
        const stepS = Math.min(60, (toMs - nowMs) / 1000);
        const hours = (nowMs - options.startMs) / 3_600_000;
        const available = river(hours);
        for (const sim of sims) {
          const share = (sim.unit.rated_flow_m3s ?? 0) / (ratedTotal || 1);
          const truth = operateUnit({
            unit: sim.unit,
            availableM3s: available * share,
            headM: sim.headM,
            intervalS: stepS,
            runShare: 1,
          });
          sim.exportKwh += truth.exportKwh;
          sim.genKwh += truth.energyKwh;
          sim.powerKw = truth.energyKwh / (stepS / 3600);
          sim.flowM3s = truth.flowM3s;
        }
        nowMs += stepS * 1000;
      }
    },
    fail(sensorId: string): void {
      failing.add(sensorId);
    },
    heal(sensorId?: string): void {
      if (sensorId) failing.delete(sensorId);
      else failing.clear();
    },
    /** A meter reset to zero, or a meter swapped for one with another reading. */
    setRegisters(unitNo: number, exportKwh: number): void {
      const sim = sims[unitNo - 1]!;
      sim.exportKwh = exportKwh;
      sim.genKwh = exportKwh * 1.01;
    },
    close: async () => {
      if (serial) await new Promise<void>((resolve) => serial.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type ModbusPlantSimulator = Awaited<ReturnType<typeof startModbusPlantSimulator>>;
