/**
 * The auditor's first step, from a token id alone: `locateMint` on a real local network's mirror
 * node, with mints and anchors made by the real SDK, and the mirror answers a hostile or broken
 * mirror could give.
 */
import {
  TokenCreateTransaction,
  TokenMintTransaction,
  TopicCreateTransaction,
  TopicMessageSubmitTransaction,
} from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAnchorMessage } from '../../engine/anchoring/index.ts';
import { IdentityError } from '../../identity/identity-error.ts';
import { locateMint } from '../../identity/locate-mint.ts';
import type { Fetch } from '../../identity/mirror-topic-messages.ts';
import { type LocalHedera, startLocalHedera } from './fixtures/local-hedera.ts';

const ROOT = 'ab'.repeat(32);
const anchor = encodeAnchorMessage({
  root: ROOT,
  count: 3,
  policyHash: `sha256:${'cd'.repeat(32)}`,
  period: '2025-01',
});

describe('locating a token’s mint and its report anchor on the mirror node', () => {
  let hedera: LocalHedera;
  let mirrorUrl: string;
  let topicId: string;
  /** One mint naming the anchor, with the ledger adapter's idempotency tag after it. */
  let single: { tokenId: string; mintTx: string };
  /** Two mints: the first names the anchor, the second a memo that names none. */
  let double: { tokenId: string; mintTxs: string[] };

  async function createToken(): Promise<string> {
    const receipt = await (
      await new TokenCreateTransaction()
        .setTokenName('Hydro credit')
        .setTokenSymbol('HYD')
        .setDecimals(3)
        .setTreasuryAccountId(hedera.network.operator.accountId)
        .setSupplyKey(hedera.operatorKey.publicKey)
        .execute(hedera.client)
    ).getReceipt(hedera.client);
    return receipt.tokenId!.toString();
  }
  async function mint(tokenId: string, memo: string): Promise<string> {
    const response = await new TokenMintTransaction()
      .setTokenId(tokenId)
      .setAmount(1500)
      .setTransactionMemo(memo)
      .execute(hedera.client);
    await response.getReceipt(hedera.client);
    return response.transactionId.toString();
  }

  beforeAll(async () => {
    hedera = await startLocalHedera();
    mirrorUrl = hedera.network.mirrorRestUrl;
    const topic = await (await new TopicCreateTransaction().execute(hedera.client)).getReceipt(hedera.client);
    topicId = topic.topicId!.toString();
    await (
      await new TopicMessageSubmitTransaction({ topicId, message: anchor }).execute(hedera.client)
    ).getReceipt(hedera.client);
    await (
      await new TopicMessageSubmitTransaction({ topicId, message: 'not an anchor' }).execute(hedera.client)
    ).getReceipt(hedera.client);
    const tokenId = await createToken();
    single = { tokenId, mintTx: await mint(tokenId, `report ${topicId}#1 mrv:mint/org/p/2025-01`) };
    const other = await createToken();
    double = {
      tokenId: other,
      mintTxs: [await mint(other, `report ${topicId}#1`), await mint(other, 'a memo naming no anchor')],
    };
  }, 120_000);
  afterAll(async () => {
    await hedera?.close();
  });

  it('finds the only mint, the anchor its memo names and the root that anchor states', async () => {
    const located = await locateMint({ tokenId: single.tokenId, mirrorUrl, fetch });
    expect(located).toEqual({
      transactionId: single.mintTx,
      reportAnchor: { topicId, sequenceNumber: 1 },
      root: ROOT,
      otherMints: [],
    });
  });

  it('makes the auditor choose among several mints, by transaction id or by serial', async () => {
    await expect(locateMint({ tokenId: double.tokenId, mirrorUrl, fetch })).rejects.toThrow(
      /has 2 mints: choose one with --mint-tx or --serial/,
    );
    const bySerial = await locateMint({ tokenId: double.tokenId, serial: 1, mirrorUrl, fetch });
    expect(bySerial.transactionId).toBe(double.mintTxs[0]);
    // The other mints come along, for the check that no reading counts in two issuances.
    expect(bySerial.otherMints.map((m) => m.transactionId)).toEqual([double.mintTxs[1]]);
    const byTx = await locateMint({ tokenId: double.tokenId, mintTx: double.mintTxs[0], mirrorUrl, fetch });
    expect(byTx.root).toBe(ROOT);
  });

  it('refuses a mint whose memo names no anchor, a serial or transaction that is not a mint of the token', async () => {
    await expect(locateMint({ tokenId: double.tokenId, serial: 2, mirrorUrl, fetch })).rejects.toThrow(
      /names no report anchor/,
    );
    await expect(locateMint({ tokenId: double.tokenId, serial: 3, mirrorUrl, fetch })).rejects.toThrow(
      /no such successful mint/,
    );
    await expect(
      locateMint({ tokenId: double.tokenId, mintTx: single.mintTx, mirrorUrl, fetch }),
    ).rejects.toThrow(/no such successful mint/);
  });

  it('refuses ids that are not ids before asking the mirror node anything', async () => {
    for (const tokenId of ['', '0.0', '0.0.-1', '0.0.1/../../accounts', '0.0.1'.padEnd(60, '9')]) {
      await expect(locateMint({ tokenId, mirrorUrl, fetch })).rejects.toThrow(/is not a token id/);
    }
    await expect(
      locateMint({ tokenId: single.tokenId, mintTx: '0.0.2-1700000000-1', mirrorUrl, fetch }),
    ).rejects.toThrow(/is not a transaction id/);
  });

  it('answers a clear BUNDLE_INVALID for a token the mirror node does not know', async () => {
    const error = await locateMint({ tokenId: '0.0.987654', mirrorUrl, fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityError);
    expect((error as IdentityError).code).toBe('BUNDLE_INVALID');
    expect((error as Error).message).toMatch(/mirror node answered 404/);
  });

  it('refuses an anchor that is missing, or a message on the topic that is not an anchor', async () => {
    // A mirror that serves the real token and mint, but with the mint's memo rewritten.
    const rewriting =
      (memo: string): Fetch =>
      async (url) => {
        const response = await fetch(url);
        if (!url.includes('/transactions')) return response;
        const body = (await response.json()) as { transactions: { memo_base64?: string }[] };
        for (const tx of body.transactions) tx.memo_base64 = Buffer.from(memo).toString('base64');
        return { ok: true, status: 200, json: async () => body };
      };
    await expect(
      locateMint({ tokenId: single.tokenId, mirrorUrl, fetch: rewriting(`report ${topicId}#99`) }),
    ).rejects.toThrow(new RegExp(`anchor ${topicId}#99 is not on the mirror node`));
    await expect(
      locateMint({ tokenId: single.tokenId, mirrorUrl, fetch: rewriting(`report ${topicId}#2`) }),
    ).rejects.toThrow(/is not an anchor message/);
  });

  it('turns an unreachable mirror, or one answering garbage, into BUNDLE_INVALID, never a crash', async () => {
    await expect(
      locateMint({ tokenId: single.tokenId, mirrorUrl: 'http://127.0.0.1:9', fetch }),
    ).rejects.toThrow(/mirror node unreachable or invalid/);
    const garbage: Fetch = async () => ({ ok: true, status: 200, json: async () => 'just a string' });
    await expect(locateMint({ tokenId: single.tokenId, mirrorUrl, fetch: garbage })).rejects.toThrow(
      /answered garbage/,
    );
    const notJson: Fetch = async () => ({
      ok: true,
      status: 200,
      json: async () => JSON.parse('<html>'),
    });
    await expect(locateMint({ tokenId: single.tokenId, mirrorUrl, fetch: notJson })).rejects.toThrow(
      /mirror node unreachable or invalid/,
    );
    const noTreasury: Fetch = async () => ({
      ok: true,
      status: 200,
      json: async () => ({ token_id: single.tokenId }),
    });
    await expect(locateMint({ tokenId: single.tokenId, mirrorUrl, fetch: noTreasury })).rejects.toThrow(
      /names no treasury account/,
    );
  });
});
