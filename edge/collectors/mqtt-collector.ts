import type { MqttClient } from 'mqtt';
import type { Point } from '../template/edge-template.ts';
import { type Collector, ConnectionLost, type Sample } from './collector.ts';
import { numberAt } from './json-path.ts';

export interface MqttConnection {
  protocol: 'mqtt';
  url: string;
  username?: string;
  password?: string;
  /** A value older than this is stale (a gap): the publisher stopped. Default 120 s. */
  stale_s?: number;
}

/** Payloads past this size are ignored: a telemetry topic carries a few hundred bytes. */
const MAX_PAYLOAD = 64 * 1024;

/**
 * MQTT subscribe: JSON payloads, each point maps a topic (and a dot path in its payload) to a sensor.
 * `collect` answers the latest value received on that topic, or a gap when none arrived within
 * `stale_s` — a silent publisher is missing data, not a repeated or zero value.
 */
export function mqttCollector(
  connection: MqttConnection,
  points: readonly Point[],
  options: { now?: () => number } = {},
): Collector {
  const now = options.now ?? Date.now;
  const staleMs = (connection.stale_s ?? 120) * 1000;
  const latest = new Map<string, { json: unknown; at: number }>();
  let client: MqttClient | undefined;
  return {
    protocol: 'mqtt',
    async connect() {
      // Loaded on first use, like every protocol library: a gateway holds only what it reads with.
      const { connectAsync } = await import('mqtt');
      const c = await connectAsync(connection.url, {
        ...(connection.username ? { username: connection.username } : {}),
        ...(connection.password ? { password: connection.password } : {}),
        reconnectPeriod: 0,
        connectTimeout: 10_000,
        clean: true,
      });
      c.on('message', (topic, payload) => {
        if (payload.byteLength > MAX_PAYLOAD) return;
        try {
          latest.set(topic, { json: JSON.parse(payload.toString('utf8')), at: now() });
        } catch {
          latest.set(topic, { json: undefined, at: now() });
        }
      });
      const topics = [...new Set(points.map((p) => p.topic!))];
      await c.subscribeAsync(topics, { qos: 1 });
      client = c;
    },
    async collect(point: Point): Promise<Sample> {
      if (!client?.connected) throw new ConnectionLost('mqtt connection closed');
      const message = latest.get(point.topic!);
      if (!message || now() - message.at > staleMs) return { gap: `no message on ${point.topic} recently` };
      const raw = numberAt(message.json, point.path);
      if (raw === undefined) return { gap: `no number at ${point.path ?? '(payload)'} on ${point.topic}` };
      return { value: raw * point.scale + point.offset };
    },
    async close() {
      const c = client;
      client = undefined;
      await c?.endAsync(true).catch(() => undefined);
    },
  };
}
