import type { Point } from '../template/edge-template.ts';
import { createBackoff } from './backoff.ts';
import type { Collector, Sample } from './collector.ts';
import { ReadTimeout, withTimeout } from './with-timeout.ts';

const MAX_TIMEOUTS = 3;

export interface ConnectionState {
  connected: boolean;
  lastError?: string;
  reconnects: number;
}

/**
 * Wraps a collector with the agent's connection policy: connect lazily, time out every read, and
 * after a lost connection wait a jittered backoff before the next attempt. While disconnected every
 * read is a gap ('not connected'), so polling never blocks and a dead meter never reads as zero.
 */
export function reconnecting(
  inner: Collector,
  options: { readTimeoutMs: number; now?: () => number; baseMs?: number; capMs?: number },
): Collector & { state: ConnectionState } {
  const now = options.now ?? Date.now;
  const backoff = createBackoff({ baseMs: options.baseMs ?? 500, capMs: options.capMs ?? 30_000 });
  const state: ConnectionState = { connected: false, reconnects: 0 };
  let retryAt = 0;
  let connecting: Promise<boolean> | undefined;
  let timeouts = 0;

  async function drop(error: unknown): Promise<void> {
    state.connected = false;
    state.lastError = error instanceof Error ? error.message : String(error);
    retryAt = now() + backoff.next();
    await inner.close().catch(() => undefined);
  }

  async function ensure(): Promise<boolean> {
    if (state.connected) return true;
    if (now() < retryAt) return false;
    connecting ??= (async () => {
      try {
        await withTimeout(inner.connect(), options.readTimeoutMs * 2, `${inner.protocol} connect`);
        state.connected = true;
        state.reconnects++;
        backoff.reset();
        return true;
      } catch (error) {
        await drop(error);
        return false;
      } finally {
        connecting = undefined;
      }
    })();
    return await connecting;
  }

  return {
    protocol: inner.protocol,
    state,
    connect: async () => {
      await ensure();
    },
    async collect(point: Point): Promise<Sample> {
      if (!(await ensure())) return { gap: `not connected: ${state.lastError ?? 'waiting to reconnect'}` };
      try {
        const sample = await withTimeout(
          inner.collect(point),
          options.readTimeoutMs,
          `read ${point.sensor_id}`,
        );
        timeouts = 0;
        return sample;
      } catch (error) {
        // A few timeouts in a row mean a half-open connection (cable pulled): start over.
        if (error instanceof ReadTimeout && ++timeouts < MAX_TIMEOUTS) return { gap: error.message };
        timeouts = 0;
        await drop(error);
        return { gap: `connection lost: ${state.lastError}` };
      }
    },
    close: async () => {
      state.connected = false;
      await inner.close();
    },
  };
}
