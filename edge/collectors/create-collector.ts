import type { Point } from '../template/edge-template.ts';
import type { Collector } from './collector.ts';
import { type FileConnection, fileCollector } from './file-collector.ts';
import { type HttpConnection, httpCollector } from './http-collector.ts';
import { type ModbusConnection, modbusCollector } from './modbus-collector.ts';
import { type MqttConnection, mqttCollector } from './mqtt-collector.ts';
import { type OpcuaConnection, opcuaCollector } from './opcua-collector.ts';

export type Connection =
  | ModbusConnection
  | OpcuaConnection
  | MqttConnection
  | HttpConnection
  | FileConnection;

/** The template protocol each connection kind speaks. */
export const connectionProtocol: Record<Connection['protocol'], string> = {
  'modbus-tcp': 'modbus',
  'modbus-rtu': 'modbus',
  opcua: 'opcua',
  mqtt: 'mqtt',
  http: 'http',
  file: 'file',
};

/** The collector module for a device's connection (one small module per protocol). */
export function createCollector(
  connection: Connection,
  points: readonly Point[],
  options: { timeoutMs: number; now?: () => number },
): Collector {
  switch (connection.protocol) {
    case 'modbus-tcp':
    case 'modbus-rtu':
      return modbusCollector(connection, options);
    case 'opcua':
      return opcuaCollector(connection);
    case 'mqtt':
      return mqttCollector(connection, points, options);
    case 'http':
      return httpCollector(connection, options);
    case 'file':
      return fileCollector(connection, options);
  }
}
