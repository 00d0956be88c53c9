/**
 * An integration template (schemas/edge-template.schema.json is the source of truth): the register
 * or node map of one kind of meter, turned into telemetry v1 readings by the agent.
 */
export type Protocol = 'modbus' | 'opcua' | 'mqtt' | 'http' | 'file';
export type DataType = 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'float64' | 'int64' | 'uint64';
export type Order = 'big' | 'little';
export type PointType =
  | 'flow_rate'
  | 'head'
  | 'pressure'
  | 'energy'
  | 'energy_export'
  | 'power_output'
  | 'ph'
  | 'turbidity'
  | 'water_temperature';

export interface TemplatePoint {
  sensor_id: string;
  type: PointType;
  unit: string;
  counter?: { rollover?: number; register_sensor_id?: string };
  address?: number;
  function?: 'holding' | 'input';
  data_type?: DataType;
  byte_order?: Order;
  word_order?: Order;
  scale?: number;
  offset?: number;
  analog?: { min: number; max: number };
  node_id?: string;
  topic?: string;
  path?: string;
  url?: string;
  column?: string;
}

export interface EdgeTemplate {
  template: string;
  manufacturer: string;
  model: string;
  equipment?: string;
  protocol: Protocol;
  source: { manual: string; url?: string; verified: boolean; note?: string };
  byte_order?: Order;
  word_order?: Order;
  points: TemplatePoint[];
}

/** A point with the template's defaults applied: what a collector reads. */
export interface Point extends TemplatePoint {
  byte_order: Order;
  word_order: Order;
  data_type: DataType;
  scale: number;
  offset: number;
}

/** Registers (16-bit words) a data type occupies. */
export const WORDS: Record<DataType, number> = {
  int16: 1,
  uint16: 1,
  int32: 2,
  uint32: 2,
  float32: 2,
  float64: 4,
  int64: 4,
  uint64: 4,
};

export function resolvePoints(template: EdgeTemplate): Point[] {
  return template.points.map((p) => ({
    ...p,
    byte_order: p.byte_order ?? template.byte_order ?? 'big',
    word_order: p.word_order ?? template.word_order ?? 'big',
    data_type: p.data_type ?? 'uint16',
    scale: p.scale ?? 1,
    offset: p.offset ?? 0,
  }));
}
