import type { Fleet } from './edge-fleet.ts';
import { verdictOf } from './store-audit.ts';

const DAY_MS = 86_400_000;

/** The two jumps and the rule that must catch each. */
const jumps = [
  { name: 'forward_1y', shiftMs: 365 * DAY_MS, rule: 'time.future' },
  { name: 'backward_30min', shiftMs: -30 * 60_000, rule: 'time.duplicate_interval' },
] as const;

/**
 * Clock jump: device 0's clock jumps a year ahead for one reading, device 1's half an hour back
 * (its interval then overlaps one it already reported). Defined outcome: each reading is accepted
 * (2xx: stored, nothing lost), then REJECTED with the finding that names the jump, so it counts
 * toward no issuance; the devices' next readings, with their clocks right again, verify as before.
 */
export async function jumpClocks(fleet: Fleet) {
  return await Promise.all(
    jumps.map(async (j, i) => ({ ...j, reading: await fleet.jumpClock(i, j.shiftMs) })),
  );
}

export function clockJumpOutcome(
  done: Awaited<ReturnType<typeof jumpClocks>>,
  byKey: Parameters<typeof verdictOf>[0],
) {
  return Object.fromEntries(
    done.map((j) => {
      const verdict = verdictOf(byKey, j.reading);
      const next = verdictOf(byKey, { did: j.reading.did, seq: j.reading.seq + 1 });
      return [
        j.name,
        {
          ...verdict,
          next_reading: next.status,
          as_defined:
            verdict.status === 'REJECTED' &&
            verdict.error_rules.includes(j.rule) &&
            next.status !== 'REJECTED',
        },
      ];
    }),
  );
}
