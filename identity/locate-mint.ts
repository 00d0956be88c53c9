import { decodeAnchorMessage } from '../engine/anchoring/index.ts';
import { IdentityError } from './identity-error.ts';
import { type Fetch, fetchTopicMessage } from './mirror-topic-messages.ts';

const ENTITY = /^\d{1,10}\.\d{1,10}\.\d{1,19}$/;
const MIRROR_TX = /^(\d{1,10}\.\d{1,10}\.\d{1,19})-(\d{1,12})-(\d{1,9})$/;
const SDK_TX = /^\d{1,10}\.\d{1,10}\.\d{1,19}@\d{1,12}\.\d{1,9}$/;
/** Pages of mirror-node transactions read while looking for a token's mints. */
const MAX_PAGES = 50;

export interface LocatedMint {
  transactionId: string;
  /** The anchor the mint's memo names (`report <topic>#<seq>`). */
  reportAnchor: { topicId: string; sequenceNumber: number };
  /** The Merkle root that anchor states: the hash the trust-chain documents are addressed by. */
  root: string;
  /** The token's other successful mints, oldest first (to check no reading is counted twice). */
  otherMints: { transactionId: string; memo: string }[];
}

type Mint = { transactionId: string; memo: string };

interface MirrorTx {
  transaction_id?: string;
  name?: string;
  result?: string;
  memo_base64?: string;
  token_transfers?: Array<{ token_id?: string }>;
}

async function json(fetch: Fetch, url: string): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    const response = await fetch(url);
    if (!response.ok)
      throw new IdentityError('BUNDLE_INVALID', `mirror node answered ${response.status} for ${url}`);
    body = await response.json();
  } catch (error) {
    if (error instanceof IdentityError) throw error;
    throw new IdentityError(
      'BUNDLE_INVALID',
      `mirror node unreachable or invalid at ${url}: ${(error as Error).message}`,
    );
  }
  if (body === null || typeof body !== 'object') {
    throw new IdentityError('BUNDLE_INVALID', `mirror node answered garbage for ${url}`);
  }
  return body as Record<string, unknown>;
}

const toSdkId = (mirrorId: string) => {
  const m = MIRROR_TX.exec(mirrorId);
  return m ? `${m[1]}@${m[2]}.${m[3]}` : undefined;
};

/**
 * From a token id alone to the start of its trust chain, on the mirror node: the token's successful
 * mints (the one named by `mintTx`, or the `serial`-th, oldest first, or the only one), the memo the
 * issuer put on it, the anchor that memo names and the Merkle root that anchor states.
 *
 * @throws IdentityError('BUNDLE_INVALID') when the token, its mint or the anchor cannot be found
 */
export async function locateMint(input: {
  tokenId: string;
  mintTx?: string;
  serial?: number;
  mirrorUrl: string;
  fetch: Fetch;
}): Promise<LocatedMint> {
  const { tokenId, mirrorUrl, fetch } = input;
  if (!ENTITY.test(tokenId)) throw new IdentityError('BUNDLE_INVALID', `'${tokenId}' is not a token id`);
  if (input.mintTx !== undefined && !SDK_TX.test(input.mintTx)) {
    throw new IdentityError(
      'BUNDLE_INVALID',
      `'${input.mintTx}' is not a transaction id (payer@seconds.nanos)`,
    );
  }
  const token = await json(fetch, new URL(`/api/v1/tokens/${tokenId}`, mirrorUrl).toString());
  const treasury = String(token.treasury_account_id ?? '');
  if (!ENTITY.test(treasury))
    throw new IdentityError('BUNDLE_INVALID', `the mirror node names no treasury account for ${tokenId}`);
  // A mint credits the token's treasury, so its transactions are the only ones to read: a public
  // network holds millions of other mints, which a scan of every TOKENMINT would page through.
  const mints: Array<{ id: string; memo: string }> = [];
  let next: string | null =
    `/api/v1/transactions?account.id=${treasury}&transactiontype=TOKENMINT&result=success&order=asc&limit=100`;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const body = await json(fetch, new URL(next, mirrorUrl).toString());
    for (const tx of (Array.isArray(body.transactions) ? body.transactions : []) as MirrorTx[]) {
      const id = toSdkId(String(tx.transaction_id));
      if (!id || tx.result !== 'SUCCESS' || !(tx.token_transfers ?? []).some((t) => t.token_id === tokenId))
        continue;
      mints.push({ id, memo: Buffer.from(tx.memo_base64 ?? '', 'base64').toString('utf8') });
    }
    const links = body.links as { next?: unknown } | undefined;
    next = typeof links?.next === 'string' ? links.next : null;
  }
  let mint: { id: string; memo: string } | undefined;
  if (input.mintTx) mint = mints.find((m) => m.id === input.mintTx);
  else if (input.serial !== undefined) mint = mints[input.serial - 1];
  else if (mints.length === 1) mint = mints[0];
  else if (mints.length > 1) {
    throw new IdentityError(
      'BUNDLE_INVALID',
      `${tokenId} has ${mints.length} mints: choose one with --mint-tx or --serial`,
    );
  }
  if (!mint)
    throw new IdentityError('BUNDLE_INVALID', `no such successful mint of ${tokenId} on the mirror node`);
  const located = await reportOfMint({ mirrorUrl, fetch }, { transactionId: mint.id, memo: mint.memo });
  const otherMints = mints
    .filter((m) => m.id !== mint.id)
    .map((m) => ({ transactionId: m.id, memo: m.memo }));
  return { ...located, otherMints };
}

/**
 * The report a mint's memo names: the anchor (`report <topic>#<seq>`) on the mirror node and the
 * Merkle root it states.
 *
 * @throws IdentityError('BUNDLE_INVALID') when the memo names no anchor or the anchor is not there
 */
export async function reportOfMint(
  input: { mirrorUrl: string; fetch: Fetch },
  mint: Mint,
): Promise<Omit<LocatedMint, 'otherMints'>> {
  const { mirrorUrl, fetch } = input;
  // The ledger adapter may append its idempotency tag after a space.
  const named = /^report (\d{1,10}\.\d{1,10}\.\d{1,19})#(\d{1,19})(?: |$)/.exec(mint.memo);
  if (!named)
    throw new IdentityError(
      'BUNDLE_INVALID',
      `the mint's memo '${mint.memo.slice(0, 80)}' names no report anchor`,
    );
  const reportAnchor = { topicId: named[1]!, sequenceNumber: Number(named[2]) };
  const message = await fetchTopicMessage({ mirrorUrl, fetch, ...reportAnchor }).catch((error: unknown) => {
    if (error instanceof IdentityError) throw error;
    throw new IdentityError(
      'BUNDLE_INVALID',
      `mirror node unreachable or invalid: ${(error as Error).message}`,
    );
  });
  if (!message)
    throw new IdentityError('BUNDLE_INVALID', `anchor ${named[1]}#${named[2]} is not on the mirror node`);
  let root: string;
  try {
    root = decodeAnchorMessage(new Uint8Array(Buffer.from(String(message.message), 'base64'))).root;
  } catch (error) {
    throw new IdentityError(
      'BUNDLE_INVALID',
      `anchor ${named[1]}#${named[2]} is not an anchor message: ${(error as Error).message}`,
    );
  }
  return { transactionId: mint.transactionId, reportAnchor, root };
}
