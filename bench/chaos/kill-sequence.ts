import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosSystem, ComponentName } from './chaos-system.ts';
import type { RecoveryProbes } from './recovery-probes.ts';
import type { Timeline } from './timeline.ts';

export type FaultName = ComponentName | 'all';

/** Which step proves a component is back: the first one that cannot happen without it. */
const proofOf: Record<FaultName, (keyof RecoveryProbes)[]> = {
  api: ['accepted'],
  ferretdb: ['accepted'],
  temporal: ['accepted'],
  worker: ['verified'],
  hedera: ['ledger'],
  all: ['accepted', 'verified', 'ledger'],
};

/** Servers first, then what connects to them — the order an orchestrator's dependencies give. */
const startOrder: ComponentName[][] = [
  ['ferretdb', 'temporal', 'hedera'],
  ['worker', 'api'],
];

/** Polls until `probe` has seen a success after `sinceMs`; undefined after `timeoutMs`. */
async function firstSuccess(probe: () => Promise<number | undefined>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const at = await probe().catch(() => undefined);
    if (at !== undefined) return at;
    await sleep(250);
  }
  return undefined;
}

/**
 * Kills `fault` (one component, or all at once) with SIGKILL, leaves it down for `downMs`, starts it
 * again and waits for the proof it is back. Recovery = restart → first success through it, in s.
 */
export async function killAndRecover(options: {
  system: ChaosSystem;
  probes: RecoveryProbes;
  fault: FaultName;
  downMs: number;
  timeoutMs: number;
  /** Where the drill notes what it did when, to place a failure. */
  timeline: Timeline;
}): Promise<{ recovery: number | null; everyDevice: number | null }> {
  const { system, probes, fault } = options;
  const names: ComponentName[] = fault === 'all' ? startOrder.flat() : [fault];
  await Promise.all(names.map((n) => system.components[n].kill()));
  options.timeline.note(`killed -9 ${names.join(', ')}`);
  await sleep(options.downMs);
  const restartedAt = options.timeline.note(`restarting ${fault}`);
  for (const group of startOrder) {
    await Promise.all(group.filter((n) => names.includes(n)).map((n) => system.components[n].start()));
  }
  const times = await Promise.all(
    proofOf[fault].map((p) => firstSuccess(() => probes[p](restartedAt), options.timeoutMs)),
  );
  // The stricter figure: until every device has a reading verified again (a device whose workflow
  // waits on a stuck step shows here, not in the first success anywhere).
  const every = await firstSuccess(() => probes.verifiedEveryDevice(restartedAt), options.timeoutMs);
  const everyDevice = every === undefined ? null : (every - restartedAt) / 1000;
  if (times.some((t) => t === undefined)) return { recovery: null, everyDevice };
  const recovery = (Math.max(...(times as number[])) - restartedAt) / 1000;
  options.timeline.note(`${fault} recovered in ${recovery} s (every device verifying: ${everyDevice} s)`);
  return { recovery, everyDevice };
}
