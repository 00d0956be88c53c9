import {
  type AnchorMessage,
  isPolicyPublication,
  POLICY_PUBLICATION_PERIOD,
} from '../engine/anchoring/index.ts';
import { isoFromConsensus } from './replay-hedera-did.ts';
import type { TrustChainBundle } from './trust-chain-bundle.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';

const LINK = 'policy.published';
const strip = (hash: unknown) => String(hash).replace(/^sha256:/, '');
/** Mirror consensus `seconds.nanos` as one comparable integer (a float would lose the nanos). */
const nanosOf = (consensus: string) => {
  const [s, n = '0'] = consensus.split('.');
  return BigInt(s!) * 1_000_000_000n + BigInt(n.padEnd(9, '0'));
};

/**
 * The policy was published on the ledger before anything it judged: the bundle holds exactly one
 * PolicyPublication document (engine/anchoring policy-publication.ts), Merkle-included in an anchor
 * of its own that states this policy's hash, and no other anchor of the chain (readings, report)
 * reached consensus before it. Without this an issuer could write the rules after seeing the
 * readings and anchor them together with the report. The topic's control by the issuer is checked
 * with every other anchor (check-ledger-control.ts).
 *
 * @param decoded the anchor messages that passed their own checks, by anchor index
 * @param included the indices of documents whose inclusion proof passed
 */
export function checkPolicyPublication(
  bundle: TrustChainBundle,
  decoded: ReadonlyArray<AnchorMessage | undefined>,
  included: ReadonlySet<number>,
): { checks: TrustChainCheck[]; anchorIndex?: number } {
  const found = bundle.documents.flatMap((d, i) => (isPolicyPublication(d.document) ? [i] : []));
  if (found.length === 0)
    return { checks: [fail(LINK, 'the bundle carries no ledger-anchored publication of the policy')] };
  if (found.length > 1)
    return { checks: [fail(LINK, `the bundle carries ${found.length} policy publications, not one`)] };
  const index = found[0]!;
  const item = bundle.documents[index]!;
  const publication = item.document as { policyId: string; version: string; policyHash: string };
  const anchor = bundle.anchors[item.anchor];
  const message = decoded[item.anchor];
  const fails = (detail: string) => ({ checks: [fail(LINK, detail)] });
  if (!anchor || !message) return fails('the publication anchor did not check on the ledger');
  if (!included.has(index)) return fails('the publication document is not included in its anchor');
  if (strip(publication.policyHash) !== strip(bundle.policyHash))
    return fails(
      `the publication is of policy ${publication.policyHash}, not the anchored ${bundle.policyHash}`,
    );
  if (message.period !== POLICY_PUBLICATION_PERIOD || message.count !== 1)
    return fails('the publication anchor is not a publication (a batch of one, period policy-publication)');
  if (bundle.documents.some((d, i) => i !== index && d.anchor === item.anchor))
    return fails('the publication anchor holds other documents too');
  const at = nanosOf(anchor.consensusTimestamp);
  const earlier = bundle.anchors.filter((a, i) => i !== item.anchor && nanosOf(a.consensusTimestamp) < at);
  if (earlier.length > 0) {
    const first = earlier[0]!;
    return {
      checks: [
        fail(
          LINK,
          `published at ${isoFromConsensus(anchor.consensusTimestamp)}, after ${earlier.length} anchor(s) it judged (first ${first.topicId}#${first.sequenceNumber} at ${isoFromConsensus(first.consensusTimestamp)})`,
        ),
      ],
      anchorIndex: item.anchor,
    };
  }
  return {
    checks: [
      pass(
        LINK,
        `${publication.policyId}@${publication.version} published at ${isoFromConsensus(anchor.consensusTimestamp)} (${anchor.topicId}#${anchor.sequenceNumber}), before every anchor it judged`,
      ),
    ],
    anchorIndex: item.anchor,
  };
}
