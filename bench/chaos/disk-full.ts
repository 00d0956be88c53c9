import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosSystem } from './chaos-system.ts';
import type { Fleet } from './edge-fleet.ts';
import type { Timeline } from './timeline.ts';

export type DiskFullOutcome =
  | { run: false; reason: string }
  | {
      run: true;
      /** Answers the devices got while the store's disk was full, by status. */
      statuses_while_full: Record<string, number>;
      readings_2xx_while_full: number;
      /** Answers that are neither 2xx nor 503 + Retry-After (what an edge agent cannot act on). */
      unexpected_statuses: number;
      recovery_s: number | null;
      /** When the disk was full (ms since the epoch), to tell readings acknowledged meanwhile. */
      window: [number, number];
    };

/** Writes zeros into a filler file until the file system refuses (ENOSPC). */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

const diff = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
      .filter(([, v]) => v > 0),
  );

/**
 * Disk full: the store's file system (a tmpfs of a few MB) is filled while devices keep sending.
 * Defined outcome: every answer is a 2xx (the write still fit) or a 503 problem+json with
 * Retry-After, so the devices keep their readings; once space is freed, delivery resumes, and the
 * final audit finds every 2xx reading stored and verified.
 */
export async function diskFull(options: {
  system: ChaosSystem;
  fleet: Fleet;
  fullMs: number;
  timeline: Timeline;
}) {
  const { storeDisk } = options.system;
  if (!('dir' in storeDisk)) return { run: false, reason: storeDisk.unavailable } satisfies DiskFullOutcome;
  const filler = join(storeDisk.dir, 'filler');
  const before = { ...options.fleet.statuses };
  const deliveredBefore = options.fleet.delivered.length;
  fillDisk(filler);
  const fullAt = options.timeline.note('store disk full');
  await sleep(options.fullMs);
  const whileFull = diff(options.fleet.statuses, before);
  const readings2xx = options.fleet.delivered.length - deliveredBefore;
  rmSync(filler);
  const freedAt = options.timeline.note('store disk freed');
  const deadline = freedAt + 60_000;
  let recoveredAt: number | undefined;
  while (recoveredAt === undefined && Date.now() < deadline) {
    recoveredAt = options.fleet.delivered.find((d) => d.atMs > freedAt)?.atMs;
    await sleep(100);
  }
  return {
    run: true,
    statuses_while_full: whileFull,
    readings_2xx_while_full: readings2xx,
    unexpected_statuses: Object.entries(whileFull)
      .filter(([k]) => !/^2\d\d$/.test(k) && k !== '503')
      .reduce((n, [, v]) => n + v, 0),
    recovery_s: recoveredAt === undefined ? null : (recoveredAt - freedAt) / 1000,
    window: [fullAt, freedAt],
  } satisfies DiskFullOutcome;
}
