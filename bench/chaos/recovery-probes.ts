import type { Db } from 'mongodb';
import type { Fleet } from './edge-fleet.ts';

/** Seconds.nanos of the mirror node for a time in ms since the epoch. */
const mirrorTime = (ms: number) => `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1e6).padStart(9, '0')}`;

/**
 * When each kind of step first succeeded after `sinceMs` — a reading answered 2xx (through API,
 * store and Temporal), a reading verified by a worker (`verifiedAt`, stamped by the activity), a
 * transaction reaching consensus on the local network (the mirror's consensus timestamp) — in ms.
 */
export function recoveryProbes(options: {
  fleet: Fleet;
  db: Db;
  orgId: string;
  mirrorUrl: string;
  deviceIds: string[];
}) {
  return {
    async accepted(sinceMs: number): Promise<number | undefined> {
      return options.fleet.delivered.find((d) => d.atMs > sinceMs)?.atMs;
    },
    async verified(sinceMs: number): Promise<number | undefined> {
      const first = await options.db
        .collection('readings')
        .find(
          { orgId: options.orgId, verifiedAt: { $gt: new Date(sinceMs) } },
          { projection: { verifiedAt: 1 } },
        )
        .sort({ verifiedAt: 1 })
        .limit(1)
        .toArray();
      return first[0] ? (first[0].verifiedAt as Date).getTime() : undefined;
    },
    /** The first verification after `sinceMs` of the device that was last to get one. */
    async verifiedEveryDevice(sinceMs: number): Promise<number | undefined> {
      // One query per device: FerretDB implements no $min accumulator in $group.
      const firsts = await Promise.all(
        options.deviceIds.map(async (deviceId) => {
          const [first] = await options.db
            .collection('readings')
            .find({ orgId: options.orgId, deviceId, verifiedAt: { $gt: new Date(sinceMs) } })
            .project({ verifiedAt: 1 })
            .sort({ verifiedAt: 1 })
            .limit(1)
            .toArray();
          return first ? (first.verifiedAt as Date).getTime() : undefined;
        }),
      );
      return firsts.includes(undefined) ? undefined : Math.max(...(firsts as number[]));
    },
    async ledger(sinceMs: number): Promise<number | undefined> {
      const url = `${options.mirrorUrl}/api/v1/transactions?timestamp=gt:${mirrorTime(sinceMs)}&order=asc&limit=1`;
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (!res.ok) return undefined;
      const [first] = ((await res.json()) as { transactions: { consensus_timestamp: string }[] })
        .transactions;
      return first ? Math.floor(Number(first.consensus_timestamp) * 1000) : undefined;
    },
  };
}

export type RecoveryProbes = ReturnType<typeof recoveryProbes>;
