/**
 * Telemetry v1 as TypeScript types. The schema `schemas/telemetry.schema.json` is the source of
 * truth; these types describe a document that has passed it.
 */
export const readingTypes = [
  'flow_rate',
  'head',
  'pressure',
  'energy',
  'energy_export',
  'energy_register',
  'power_output',
  'ph',
  'turbidity',
  'water_temperature',
] as const;

export type ReadingType = (typeof readingTypes)[number];

export interface TelemetryReading {
  sensor_id?: string;
  type: ReadingType;
  value: number;
  unit: string;
  /** In [0, 1]; absent means 1. */
  quality?: number;
}

export interface TelemetryDocument {
  schema_version: string;
  device_id: string;
  seq: number;
  /** End of the interval, RFC 3339 UTC. */
  timestamp: string;
  interval_s: number;
  readings: TelemetryReading[];
  metadata?: Record<string, unknown>;
  /** `documentHash` of this device's previous document: a break shows documents lost on the way. */
  prev_hash?: string;
  /** base64url Ed25519 over the JCS form of the document without `signature`. */
  signature: string;
}

/** A telemetry document before signing. */
export type UnsignedTelemetryDocument = Omit<TelemetryDocument, 'signature'>;
