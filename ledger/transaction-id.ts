/**
 * Converts the SDK's transaction id form (`0.0.2@1700000000.000000001`) into the mirror node's
 * (`0.0.2-1700000000-000000001`).
 */
export function toMirrorTransactionId(sdkId: string): string {
  const match = /^(\d+\.\d+\.\d+)@(\d+)\.(\d+)$/.exec(sdkId);
  if (!match) throw new Error(`not a transaction id: ${sdkId}`);
  return `${match[1]}-${match[2]}-${match[3]!.padStart(9, '0')}`;
}

/**
 * Hands out valid-start instants (ns since epoch) that never repeat within this process, so two
 * transactions built in the same millisecond by the same payer never share a transaction id. Across
 * processes the random nanosecond part makes a collision unlikely, and the memo check on every
 * reconciled record catches one if it happens.
 */
export function validStartClock(o: {
  now: () => number;
  random: () => number;
}): (backdateMs: number) => bigint {
  let last = 0n;
  return (backdateMs) => {
    const base = BigInt(Math.floor(o.now() - backdateMs)) * 1_000_000n + BigInt(Math.floor(o.random() * 1e6));
    last = base > last ? base : last + 1n;
    return last;
  };
}

/** The inverse of `toMirrorTransactionId`. */
export function fromMirrorTransactionId(mirrorId: string): string {
  const match = /^(\d+\.\d+\.\d+)-(\d+)-(\d+)$/.exec(mirrorId);
  if (!match) throw new Error(`not a mirror transaction id: ${mirrorId}`);
  return `${match[1]}@${match[2]}.${match[3]!.padStart(9, '0')}`;
}
