import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from 'mongodb';

interface StoredReading {
  _id: string;
  did: string;
  seq: number;
  status: string;
  findings?: { rule: string; severity: string }[];
}

/** Waits until no reading of the organization is still RECEIVED (or the time is up). */
export async function waitVerified(db: Db, orgId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pending = await db
      .collection('readings')
      .countDocuments({ orgId, status: 'RECEIVED' })
      .catch(() => -1);
    if (pending === 0) return;
    await sleep(1000);
  }
}

/**
 * Every reading a device was answered 2xx for must be in the store and have a verdict. Returns the
 * count of those that are not, the verdicts by status, and each stored reading by `did seq`.
 */
export async function storeAudit(
  db: Db,
  orgId: string,
  delivered: { did: string; seq: number; atMs: number }[],
) {
  const stored = new Map<string, StoredReading>();
  const cursor = db
    .collection<StoredReading>('readings')
    .find({ orgId }, { projection: { did: 1, seq: 1, status: 1, findings: 1 } });
  for await (const r of cursor) stored.set(`${r.did} ${r.seq}`, r);
  const lost = delivered.filter((d) => {
    const r = stored.get(`${d.did} ${d.seq}`);
    return r === undefined || r.status === 'RECEIVED';
  });
  const verdicts: Record<string, number> = {};
  for (const r of stored.values()) verdicts[r.status] = (verdicts[r.status] ?? 0) + 1;
  return {
    lost: lost.map((d) => ({ ...d, status: stored.get(`${d.did} ${d.seq}`)?.status ?? 'missing' })),
    stored: stored.size,
    verdicts,
    byKey: stored,
  };
}

/** The verdict of one reading and the rules of its error findings, for the clock-jump outcome. */
export function verdictOf(byKey: Map<string, StoredReading>, key: { did: string; seq: number }) {
  const r = byKey.get(`${key.did} ${key.seq}`);
  return {
    status: r?.status ?? 'missing',
    error_rules: (r?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.rule),
  };
}
