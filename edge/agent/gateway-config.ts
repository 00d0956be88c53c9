import type { Plant } from '../../engine/plant/index.ts';
import type { Connection } from '../collectors/create-collector.ts';

/** One telemetry source of a device: a template read over one connection. */
export interface DeviceSource {
  template: string;
  connection: Connection;
}

/**
 * One signing device: its identity (from pairing), the scope its readings count for, and the meters
 * that feed its documents (e.g. the export meter over Modbus and the flow meter over 4–20 mA).
 */
export interface GatewayDevice {
  ref: string;
  device_id: string;
  did: string;
  scope: string;
  sources: DeviceSource[];
  /** Seconds between polls of every point. Default 10. */
  poll_s?: number;
  /** Seconds per telemetry document (aggregation interval). Default: the gateway's. */
  interval_s?: number;
  read_timeout_ms?: number;
}

/**
 * What `mrv-edge pair` stores and `mrv-edge run` runs: the API's `GET /v1/gateways/{id}/config`
 * (api/pki/gateway-agent-schemas.ts) plus where and how to reach the API.
 */
export interface GatewayConfig {
  version: 1;
  gateway_id: string;
  api_url: string;
  org_id: string;
  project_id: string;
  plant: Plant;
  interval_s: number;
  devices: GatewayDevice[];
  /**
   * Mutual TLS: the gateway's certificate and the server certificate (or CA) it pins, as PEM. The
   * client key is in the key vault, never here.
   */
  tls?: { cert: string; ca?: string; not_after: string };
  buffer?: { max_mb?: number; batch?: number };
  clock?: { max_drift_s?: number };
  /** Directories with site templates, searched before the built-in ones. */
  template_dirs?: string[];
}
