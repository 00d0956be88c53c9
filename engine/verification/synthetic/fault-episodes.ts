import type { EpisodeFault } from './inject-fault.ts';
import type { RandomSource } from './random-source.ts';

/** One scheduled fault episode of a device: from `start` for `length` slots. */
export interface Episode {
  kind: EpisodeFault['kind'];
  start: number;
  length: number;
  /** Size of the misstatement for the kinds that have one (export_underread, ct_ratio_error). */
  share: number;
}

/** Episode lengths in slots (15 min each by default). */
const LENGTHS: Record<Episode['kind'], [number, number]> = {
  stuck: [10, 10],
  drift: [64, 64],
  frozen_logger: [3, 6],
  export_underread: [32, 64],
  ct_ratio_error: [32, 64],
};
const SHARES: Partial<Record<Episode['kind'], [number, number]>> = {
  export_underread: [0.03, 0.06],
  ct_ratio_error: [0.03, 0.05],
};

/**
 * About one episode of each kind per ten days and device, starting after the first quarter of the
 * run so the device has a history to be judged against.
 */
export function scheduleEpisodes(random: RandomSource, slots: number): Episode[] {
  const count = Math.max(1, Math.round(slots / 960));
  const out: Episode[] = [];
  for (const kind of Object.keys(LENGTHS) as Episode['kind'][]) {
    for (let i = 0; i < count; i++) {
      const [lo, hi] = LENGTHS[kind];
      const [slo, shi] = SHARES[kind] ?? [0, 0];
      out.push({
        kind,
        start: Math.floor(random.uniform(0.25, 0.9) * slots),
        length: Math.round(random.uniform(lo, hi)),
        share: random.uniform(slo, shi),
      });
    }
  }
  return out;
}

/** The episode fault of a slot, if one is running (the first scheduled wins where they overlap). */
export function episodeAt(episodes: readonly Episode[], slot: number): EpisodeFault | undefined {
  for (const e of episodes) {
    if (slot < e.start || slot >= e.start + e.length) continue;
    const step = slot - e.start;
    switch (e.kind) {
      case 'drift':
        return { kind: 'drift', step, length: e.length };
      case 'export_underread':
      case 'ct_ratio_error':
        return { kind: e.kind, step, share: e.share };
      default:
        return { kind: e.kind, step };
    }
  }
  return undefined;
}
