/** Follows a mirror REST listing through `links.next`, collecting the items under `key`. */
async function allPages<T>(mirrorUrl: string, path: string, key: string): Promise<T[]> {
  const items: T[] = [];
  for (let next: string | null = path; next; ) {
    const res = await fetch(`${mirrorUrl}${next}`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`mirror ${next}: ${res.status}`);
    const page = (await res.json()) as Record<string, unknown> & { links?: { next: string | null } };
    items.push(...(page[key] as T[]));
    next = page.links?.next ?? null;
  }
  return items;
}

/**
 * What the public ledger holds, read from the local network's mirror REST API as an auditor would:
 * every HCS message (a duplicate is a second message with the same bytes — an anchor submitted twice
 * carries the same Merkle root) and every successful mint.
 */
export async function mirrorAudit(mirrorUrl: string) {
  const submits = await allPages<{ entity_id: string }>(
    mirrorUrl,
    '/api/v1/transactions?transactiontype=CONSENSUSSUBMITMESSAGE&result=success&limit=100&order=asc',
    'transactions',
  );
  const topics = [...new Set(submits.map((t) => t.entity_id))];
  const contents = new Map<string, number>();
  for (const topic of topics) {
    const messages = await allPages<{ message: string }>(
      mirrorUrl,
      `/api/v1/topics/${topic}/messages?limit=100&order=asc`,
      'messages',
    );
    for (const m of messages) contents.set(m.message, (contents.get(m.message) ?? 0) + 1);
  }
  const mints = await allPages<{ entity_id: string; memo_base64: string }>(
    mirrorUrl,
    '/api/v1/transactions?transactiontype=TOKENMINT&result=success&limit=100&order=asc',
    'transactions',
  );
  const total = [...contents.values()].reduce((n, c) => n + c, 0);
  return {
    hcs_messages: total,
    duplicate_messages: total - contents.size,
    mints: mints.map((m) => ({ token: m.entity_id, memo: Buffer.from(m.memo_base64, 'base64').toString() })),
  };
}
