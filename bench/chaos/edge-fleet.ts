import type { KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { honestReading } from '../honest-reading.ts';

export interface FleetDevice {
  id: string;
  did: string;
  privateKey: KeyObject;
}

export interface Fleet {
  /** Every (device DID, seq) answered 2xx, with the time of that answer. */
  delivered: { did: string; seq: number; atMs: number }[];
  /** Answers and failures by status code ('network' for no answer). */
  statuses: Record<string, number>;
  /** A device's clock jumps by `shiftMs` for its next reading (it is signed with the wrong time). */
  jumpClock(deviceIndex: number, shiftMs: number): Promise<{ did: string; seq: number }>;
  /** Stops making readings; resolves once every reading made so far was delivered. */
  stop(): Promise<void>;
}

/**
 * Devices that behave like the edge agent: each signs its readings in seq order, keeps a reading
 * until the API answers 2xx (retrying after any other answer or no answer, at most `Retry-After`
 * but not over a second apart, so recovery is seen within a second), and sends the next only then.
 */
export function startFleet(options: {
  apiUrl: string;
  apiKey: string;
  devices: FleetDevice[];
  periodMs: number;
}): Fleet {
  const delivered: Fleet['delivered'] = [];
  const statuses: Record<string, number> = {};
  const jumps = new Map<number, { shiftMs: number; done: (r: { did: string; seq: number }) => void }>();
  let running = true;
  const count = (key: string) => {
    statuses[key] = (statuses[key] ?? 0) + 1;
  };
  const send = async (body: string): Promise<boolean> => {
    try {
      const res = await fetch(`${options.apiUrl}/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      await res.arrayBuffer();
      count(String(res.status));
      if (res.ok) return true;
      const retryAfterS = Number(res.headers.get('retry-after') ?? 1);
      await sleep(Math.min(1000, Math.max(100, retryAfterS * 1000)));
    } catch {
      count('network');
      await sleep(250);
    }
    return false;
  };
  const loop = async (device: FleetDevice, index: number) => {
    for (let seq = 1; running; seq += 1) {
      const jump = jumps.get(index);
      jumps.delete(index);
      const doc = honestReading({ ...device, seq, clockErrorMs: jump?.shiftMs });
      const body = JSON.stringify(doc);
      while (!(await send(body))) {
        // kept, as the agent's disk buffer keeps it, until a 2xx
      }
      delivered.push({ did: device.did, seq, atMs: Date.now() });
      jump?.done({ did: device.did, seq });
      await sleep(options.periodMs);
    }
  };
  const loops = options.devices.map((d, i) => loop(d, i));
  return {
    delivered,
    statuses,
    jumpClock: (deviceIndex, shiftMs) =>
      new Promise((done) => {
        jumps.set(deviceIndex, { shiftMs, done });
      }),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
