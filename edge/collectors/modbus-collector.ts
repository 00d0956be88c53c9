import type ModbusSerial from 'modbus-serial';
import { decodeRegisters } from '../template/decode-registers.ts';
import { type Point, WORDS } from '../template/edge-template.ts';
import { type Collector, ConnectionLost, type Sample } from './collector.ts';
import { ReadTimeout } from './with-timeout.ts';

export type ModbusConnection =
  | { protocol: 'modbus-tcp'; host: string; port?: number; unit_id?: number }
  | {
      protocol: 'modbus-rtu';
      path: string;
      baud_rate?: number;
      parity?: 'none' | 'even' | 'odd';
      stop_bits?: 1 | 2;
      unit_id?: number;
    };

// The package's CommonJS export is the client class; its typings describe it as `default`. Loaded on
// first connect (it brings serialport and its native binding), like every protocol library.
type ModbusClient = InstanceType<typeof ModbusSerial.default>;
async function modbusClient(): Promise<ModbusClient> {
  const { default: lib } = await import('modbus-serial');
  return new lib.default();
}

/** Modbus exception replies: the device answered, the register is bad — a gap, not a lost link. */
const EXCEPTION_RE = /Modbus exception|Illegal data|Illegal function|Slave device failure|CRC error/i;

/**
 * Modbus TCP and RTU (serial) through `modbus-serial`: one connection per device, function 3
 * (holding) or 4 (input) registers, decoded by the point's data type and word/byte order. A Modbus
 * exception or a bad CRC is a gap for that register; a socket or port error is a lost connection.
 */
export function modbusCollector(connection: ModbusConnection, options: { timeoutMs: number }): Collector {
  let client: ModbusClient | undefined;
  return {
    protocol: connection.protocol,
    async connect() {
      const c = await modbusClient();
      if (connection.protocol === 'modbus-tcp') {
        await c.connectTCP(connection.host, { port: connection.port ?? 502 });
      } else {
        await c.connectRTUBuffered(connection.path, {
          baudRate: connection.baud_rate ?? 9600,
          parity: connection.parity ?? 'none',
          stopBits: connection.stop_bits ?? 1,
          dataBits: 8,
        });
      }
      c.setID(connection.unit_id ?? 1);
      c.setTimeout(options.timeoutMs);
      client = c;
    },
    async collect(point: Point): Promise<Sample> {
      const c = client;
      if (!c?.isOpen) throw new ConnectionLost('modbus connection is closed');
      const count = WORDS[point.data_type];
      try {
        const result =
          point.function === 'input'
            ? await c.readInputRegisters(point.address!, count)
            : await c.readHoldingRegisters(point.address!, count);
        const value = decodeRegisters(result.data, point);
        return value === undefined ? { gap: 'register holds no number (NaN)' } : { value };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const errno = (error as { errno?: string }).errno;
        if (errno === 'ETIMEDOUT') throw new ReadTimeout(`modbus: ${message}`);
        if (EXCEPTION_RE.test(message)) return { gap: `modbus: ${message}` };
        throw new ConnectionLost(`modbus: ${message}`);
      }
    },
    async close() {
      const c = client;
      client = undefined;
      if (c?.isOpen) await new Promise<void>((resolve) => c.close(() => resolve()));
    },
  };
}
