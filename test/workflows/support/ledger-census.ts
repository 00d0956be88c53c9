import type { Db } from 'mongodb';
import type { AnchorBatchRecord } from '../../../store/anchor-batch-store.ts';

/**
 * What the ledger holds for one organization, read from the mirror node's REST API (what an auditor
 * sees), beside what our database recorded: the evidence that nothing was submitted twice.
 */
export interface LedgerCensus {
  /** Anchor batches our database recorded for the organization. */
  batches: AnchorBatchRecord[];
  /** Messages on each anchor topic, per the mirror node. */
  topicMessages: Map<string, number>;
  /** The project's token (from the issuance record), its supply and how many mint transactions it had. */
  token?: { tokenId: string; totalSupply: string; mints: number };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Follows the mirror node's `links.next` pages, counting the items under `key`. */
async function countPaged(mirrorUrl: string, path: string, key: string, keep = (_: unknown) => true) {
  let count = 0;
  let next: string | null = path;
  while (next) {
    const page: Record<string, unknown> & { links: { next: string | null } } = await getJson(
      `${mirrorUrl}${next}`,
    );
    count += (page[key] as unknown[]).filter(keep).length;
    next = page.links.next;
  }
  return count;
}

export async function ledgerCensus(options: {
  db: Db;
  mirrorUrl: string;
  orgId: string;
  tokenId?: string;
}): Promise<LedgerCensus> {
  const { db, mirrorUrl, orgId, tokenId } = options;
  const batches = await db.collection<AnchorBatchRecord>('anchor_batches').find({ orgId }).toArray();
  const topicMessages = new Map<string, number>();
  for (const topicId of new Set(batches.map((b) => b.topicId))) {
    topicMessages.set(
      topicId,
      await countPaged(mirrorUrl, `/api/v1/topics/${topicId}/messages?limit=100`, 'messages'),
    );
  }
  if (!tokenId) return { batches, topicMessages };
  const token = await getJson<{ total_supply: string }>(`${mirrorUrl}/api/v1/tokens/${tokenId}`);
  const mints = await countPaged(
    mirrorUrl,
    '/api/v1/transactions?transactiontype=TOKENMINT&result=success&limit=100',
    'transactions',
    (t) => (t as { entity_id?: string }).entity_id === tokenId,
  );
  return { batches, topicMessages, token: { tokenId, totalSupply: token.total_supply, mints } };
}
