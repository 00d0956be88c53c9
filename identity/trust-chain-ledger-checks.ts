import { type AnchorMessage, decodeAnchorMessage } from '../engine/anchoring/index.ts';
import { hcsRunningHashV3 } from './hcs-running-hash.ts';
import { type Fetch, fetchTopicMessage } from './mirror-topic-messages.ts';
import type { AnchorReference, TrustChainBundle } from './trust-chain-bundle.ts';
import { fail, pass, type TrustChainCheck, unusable } from './trust-chain-check.ts';

export interface MirrorAccess {
  mirrorUrl: string;
  fetch: Fetch;
}

/**
 * Checks one anchor against the mirror node: the message bytes, consensus timestamp and running hash it
 * reports equal the bundle's copy, and the running hash follows from the previous message's (so the
 * message really sits at that place in the topic's hash chain). Returns the decoded anchor when valid.
 */
export async function checkAnchor(
  anchor: AnchorReference,
  mirror: MirrorAccess,
): Promise<{ checks: TrustChainCheck[]; decoded?: AnchorMessage }> {
  const link = `anchor:${anchor.topicId}#${anchor.sequenceNumber}`;
  let decoded: AnchorMessage;
  try {
    decoded = decodeAnchorMessage(new Uint8Array(Buffer.from(anchor.message, 'base64')));
  } catch (error) {
    return { checks: [fail(`${link}.message`, `not an anchor message: ${(error as Error).message}`)] };
  }
  const checks: TrustChainCheck[] = [];
  try {
    const onMirror = await fetchTopicMessage({
      ...mirror,
      topicId: anchor.topicId,
      sequenceNumber: anchor.sequenceNumber,
    });
    if (!onMirror) return { checks: [fail(`${link}.mirror`, 'the mirror node has no such message')] };
    const differences = [
      onMirror.message !== anchor.message && 'message bytes',
      onMirror.consensus_timestamp !== anchor.consensusTimestamp && 'consensus timestamp',
      onMirror.running_hash !== anchor.runningHash && 'running hash',
    ].filter(Boolean);
    checks.push(
      differences.length === 0
        ? pass(`${link}.mirror`, `message, timestamp and running hash match the mirror node`)
        : fail(`${link}.mirror`, `differs from the mirror node: ${differences.join(', ')}`),
    );
    const previous =
      anchor.sequenceNumber === 1
        ? new Uint8Array(48)
        : await fetchTopicMessage({
            ...mirror,
            topicId: anchor.topicId,
            sequenceNumber: anchor.sequenceNumber - 1,
          }).then((m) => (m ? new Uint8Array(Buffer.from(m.running_hash, 'base64')) : undefined));
    if (!previous) {
      checks.push(fail(`${link}.running-hash`, 'previous message missing on the mirror node'));
    } else {
      const expected = hcsRunningHashV3({
        previousRunningHash: previous,
        payerAccountId: onMirror.payer_account_id,
        topicId: anchor.topicId,
        consensusTimestamp: onMirror.consensus_timestamp,
        sequenceNumber: anchor.sequenceNumber,
        message: new Uint8Array(Buffer.from(onMirror.message, 'base64')),
      });
      checks.push(
        Buffer.from(expected).toString('base64') === onMirror.running_hash &&
          Number(onMirror.running_hash_version) === 3
          ? pass(`${link}.running-hash`, 'running hash (v3) recomputed from the previous message')
          : fail(`${link}.running-hash`, 'running hash does not follow from the previous message'),
      );
    }
  } catch (error) {
    checks.push(
      unusable(`${link}.mirror`, `mirror node unreachable or invalid: ${(error as Error).message}`),
    );
  }
  return { checks, decoded };
}

/** The mint as the mirror node reports it: a successful TOKENMINT of exactly `amount` of the token. */
export async function checkMintOnLedger(
  mint: TrustChainBundle['mint'],
  mirror: MirrorAccess,
): Promise<TrustChainCheck[]> {
  const link = 'mint:ledger';
  try {
    const [payer, validStart] = mint.transactionId.split('@') as [string, string];
    const mirrorId = `${payer}-${validStart.replace('.', '-')}`;
    const txResponse = await mirror.fetch(
      new URL(`/api/v1/transactions/${mirrorId}`, mirror.mirrorUrl).toString(),
    );
    if (!txResponse.ok)
      return [fail(link, `mint transaction not found on the mirror node (${txResponse.status})`)];
    const body = (await txResponse.json()) as {
      transactions?: Array<{
        name?: string;
        result?: string;
        entity_id?: string | null;
        token_transfers?: Array<{ token_id: string; amount: number | string }>;
      }>;
    };
    const tx = body.transactions?.find((t) => t.result === 'SUCCESS') ?? body.transactions?.[0];
    if (tx?.name !== 'TOKENMINT' || tx.result !== 'SUCCESS') {
      return [
        fail(
          link,
          `transaction is ${tx?.name ?? 'missing'} / ${tx?.result ?? 'no result'}, not a successful TOKENMINT`,
        ),
      ];
    }
    const minted = (tx.token_transfers ?? [])
      .filter((t) => t.token_id === mint.tokenId)
      .reduce((sum, t) => sum + BigInt(t.amount), 0n);
    const tokenResponse = await mirror.fetch(
      new URL(`/api/v1/tokens/${mint.tokenId}`, mirror.mirrorUrl).toString(),
    );
    const token = tokenResponse.ok
      ? ((await tokenResponse.json()) as { decimals?: string | number })
      : undefined;
    const checks: TrustChainCheck[] = [
      minted === BigInt(mint.amount)
        ? pass(link, `TOKENMINT of ${minted} on ${mint.tokenId} confirmed by the mirror node`)
        : fail(link, `mirror node shows ${minted} minted on ${mint.tokenId}, bundle claims ${mint.amount}`),
    ];
    checks.push(
      token && Number(token.decimals) === mint.decimals
        ? pass('mint:decimals', `token has ${mint.decimals} decimals`)
        : fail(
            'mint:decimals',
            `token decimals on the mirror node (${token?.decimals ?? 'unknown'}) differ from ${mint.decimals}`,
          ),
    );
    return checks;
  } catch (error) {
    return [unusable(link, `mirror node unreachable or invalid: ${(error as Error).message}`)];
  }
}
