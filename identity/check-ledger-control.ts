import { ed25519KeyFromDidKey } from '../engine/telemetry/did-key.ts';
import type { TrustChainBundle } from './trust-chain-bundle.ts';
import { fail, pass, type TrustChainCheck, unusable } from './trust-chain-check.ts';
import type { MirrorAccess } from './trust-chain-ledger-checks.ts';

type MirrorKey = { _type?: string; key?: string } | null | undefined;

async function mirrorJson(mirror: MirrorAccess, path: string): Promise<Record<string, unknown> | undefined> {
  const response = await mirror.fetch(new URL(path, mirror.mirrorUrl).toString());
  if (!response.ok) return undefined;
  const body = (await response.json()) as unknown;
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
}

/** Whether a mirror-node key is exactly the issuer's Ed25519 key. */
function isIssuerKey(key: MirrorKey, issuerKey: string): boolean {
  return key?._type === 'ED25519' && key.key?.toLowerCase() === issuerKey;
}

/**
 * The issuer is bound to the ledger: the token's supply key and every anchor topic's submit key are
 * the issuer DID's key (so nobody else could have minted or anchored, and the issuer cannot pass off
 * someone else's mint or topic), and the mint's memo names the anchor of this MonitoringReport.
 */
export async function checkLedgerControl(
  bundle: TrustChainBundle,
  issuerDid: string,
  reportAnchor: string | undefined,
  mirror: MirrorAccess,
): Promise<TrustChainCheck[]> {
  const raw = ed25519KeyFromDidKey(issuerDid);
  if (!raw) return [fail('ledger:issuer-key', `no Ed25519 key can be read from ${issuerDid}`)];
  const issuerKey = Buffer.from(raw).toString('hex');
  const checks: TrustChainCheck[] = [];
  try {
    const token = await mirrorJson(mirror, `/api/v1/tokens/${bundle.mint.tokenId}`);
    checks.push(
      token && isIssuerKey(token.supply_key as MirrorKey, issuerKey)
        ? pass('mint:token-control', `supply key of ${bundle.mint.tokenId} is the issuer's key`)
        : fail(
            'mint:token-control',
            `${bundle.mint.tokenId} is not minted with the issuer's key (supply key ${JSON.stringify(token?.supply_key ?? null)})`,
          ),
    );
    for (const topicId of new Set(bundle.anchors.map((a) => a.topicId))) {
      const topic = await mirrorJson(mirror, `/api/v1/topics/${topicId}`);
      checks.push(
        topic && isIssuerKey(topic.submit_key as MirrorKey, issuerKey)
          ? pass(`anchor:${topicId}.control`, "submit key is the issuer's key")
          : fail(
              `anchor:${topicId}.control`,
              `topic ${topicId} is not controlled by the issuer (submit key ${JSON.stringify(topic?.submit_key ?? null)})`,
            ),
      );
    }
    const [payer, validStart] = bundle.mint.transactionId.split('@') as [string, string];
    const tx = await mirrorJson(mirror, `/api/v1/transactions/${payer}-${validStart.replace('.', '-')}`);
    const first = (tx?.transactions as Array<{ memo_base64?: string }> | undefined)?.[0];
    const memo = Buffer.from(first?.memo_base64 ?? '', 'base64').toString('utf8');
    checks.push(
      reportAnchor && (memo === `report ${reportAnchor}` || memo.startsWith(`report ${reportAnchor} `))
        ? pass('mint:memo', `memo names the report anchor ${reportAnchor}`)
        : fail(
            'mint:memo',
            `memo '${memo.slice(0, 80)}' does not name this report's anchor ${reportAnchor ?? '(none)'}`,
          ),
    );
  } catch (error) {
    checks.push(
      unusable('ledger:control', `mirror node unreachable or invalid: ${(error as Error).message}`),
    );
  }
  return checks;
}
