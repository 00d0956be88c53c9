import { LedgerError } from './ledger-error.ts';
import { toMirrorTransactionId } from './transaction-id.ts';

/** The mirror-node fields of `/api/v1/transactions/{id}` the adapter relies on (Hedera's names). */
export interface MirrorTransaction {
  transaction_id: string;
  consensus_timestamp: string;
  result: string;
  name?: string;
  memo_base64?: string;
  entity_id?: string | null;
  nonce?: number;
  scheduled?: boolean;
}

export interface MirrorTopicMessageRecord {
  topic_id: string;
  sequence_number: number;
  consensus_timestamp: string;
  running_hash: string;
  running_hash_version?: number;
  message: string;
  payer_account_id?: string;
}

export interface MirrorToken {
  token_id: string;
  total_supply: string;
  decimals: string;
  name?: string;
  symbol?: string;
  memo?: string;
  max_supply?: string;
}

/**
 * Read access to a mirror node's REST API. Absence is `null` (HTTP 404); an unreachable or failing
 * mirror is `LedgerError('MIRROR_UNAVAILABLE')`, which the adapter treats as "no evidence either way".
 */
export class MirrorClient {
  readonly baseUrl: string;
  constructor(
    baseUrl: string,
    private readonly o: { timeoutMs?: number; fetch?: typeof fetch } = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Every record of a transaction id (the user transaction first), or null when the mirror has none. */
  async getTransaction(sdkTransactionId: string): Promise<MirrorTransaction[] | null> {
    const body = await this.#get<{ transactions?: MirrorTransaction[] }>(
      `/api/v1/transactions/${toMirrorTransactionId(sdkTransactionId)}`,
    );
    const list = body?.transactions ?? [];
    return list.length === 0 ? null : list;
  }

  async getTopicMessage(topicId: string, sequenceNumber: number): Promise<MirrorTopicMessageRecord | null> {
    return await this.#get<MirrorTopicMessageRecord>(`/api/v1/topics/${topicId}/messages/${sequenceNumber}`);
  }

  /** The topic message with the given consensus timestamp (`seconds.nanos`), if any. */
  async getTopicMessageAt(
    topicId: string,
    consensusTimestamp: string,
  ): Promise<MirrorTopicMessageRecord | null> {
    const body = await this.#get<{ messages?: MirrorTopicMessageRecord[] }>(
      `/api/v1/topics/${topicId}/messages?timestamp=eq:${consensusTimestamp}&limit=1`,
    );
    return body?.messages?.[0] ?? null;
  }

  /** All messages of a topic in sequence order, following `links.next` pages. */
  async *topicMessages(
    topicId: string,
    o: { pageSize?: number } = {},
  ): AsyncGenerator<MirrorTopicMessageRecord> {
    let path: string | null = `/api/v1/topics/${topicId}/messages?order=asc&limit=${o.pageSize ?? 100}`;
    while (path) {
      const body: { messages?: MirrorTopicMessageRecord[]; links?: { next?: string | null } } | null =
        await this.#get(path);
      if (!body) return;
      yield* body.messages ?? [];
      path = body.links?.next ?? null;
    }
  }

  /**
   * Successful transactions of `type` paid by `payer` since `sinceMs` whose memo is exactly `memo`:
   * how a mint is found by its idempotency tag even if its transaction id were unknown.
   */
  async findByMemo(o: {
    payer: string;
    type: string;
    sinceMs: number;
    memo: string;
  }): Promise<MirrorTransaction[]> {
    const since = `${Math.floor(o.sinceMs / 1000)}.000000000`;
    let path: string | null =
      `/api/v1/transactions?account.id=${o.payer}&transactiontype=${o.type}&result=success&timestamp=gte:${since}&order=asc&limit=100`;
    const found: MirrorTransaction[] = [];
    while (path) {
      const body: { transactions?: MirrorTransaction[]; links?: { next?: string | null } } | null =
        await this.#get(path);
      for (const tx of body?.transactions ?? []) {
        if (Buffer.from(tx.memo_base64 ?? '', 'base64').toString() === o.memo) found.push(tx);
      }
      path = body?.links?.next ?? null;
    }
    return found;
  }

  async getToken(tokenId: string): Promise<MirrorToken | null> {
    return await this.#get<MirrorToken>(`/api/v1/tokens/${tokenId}`);
  }

  async #get<T>(path: string): Promise<T | null> {
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await (this.o.fetch ?? fetch)(url, {
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
      });
    } catch (cause) {
      throw new LedgerError('MIRROR_UNAVAILABLE', `mirror node unreachable: ${url}`, { cause });
    }
    if (response.status === 404) return null;
    if (!response.ok) {
      throw new LedgerError('MIRROR_UNAVAILABLE', `mirror node answered ${response.status} for ${url}`);
    }
    try {
      return (await response.json()) as T;
    } catch (cause) {
      throw new LedgerError('MIRROR_UNAVAILABLE', `mirror node sent invalid JSON for ${url}`, { cause });
    }
  }
}
