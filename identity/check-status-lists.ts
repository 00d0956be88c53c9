import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import {
  buildMerkleTree,
  decodeAnchorMessage,
  hashDocument,
  STATUS_LIST_PERIOD_PREFIX,
  statusListAnchorPeriod,
} from '../engine/anchoring/index.ts';
import type { VerifiableCredential } from './issue-credential.ts';
import { fetchTopicMessages } from './mirror-topic-messages.ts';
import { fail, pass, type TrustChainCheck, unusable } from './trust-chain-check.ts';
import type { MirrorAccess } from './trust-chain-ledger-checks.ts';

/** One version of a status list as the ledger dates it. */
interface AnchoredVersion {
  credential: VerifiableCredential;
  consensusMs: number;
  consensusTimestamp: string;
  where: string;
}

export interface LedgerStatusLists {
  checks: TrustChainCheck[];
  /** Per list id, the newest version anchored at or before the auditor's clock: what status is read from. */
  current: Map<string, VerifiableCredential>;
  /**
   * When the ledger first shows a credential's bit set (and set ever since), or undefined when its
   * bit is clear in the current version. Only for lists in `current`.
   */
  revokedAt(listId: string, index: number): Promise<{ ms: number; timestamp: string } | undefined>;
}

type Credential = object & { credentialStatus?: unknown };

/** The status-list ids the credentials point at. */
export function statusListIdsOf(credentials: readonly object[]): Set<string> {
  const ids = new Set<string>();
  for (const c of credentials) {
    const status = (c as Credential)?.credentialStatus as { statusListCredential?: unknown } | undefined;
    if (typeof status?.statusListCredential === 'string') ids.add(status.statusListCredential);
  }
  return ids;
}

/** Milliseconds of a mirror-form consensus timestamp (`seconds.nanos`), truncated. */
function msOf(consensusTimestamp: string): number {
  const [seconds, nanos = '0'] = consensusTimestamp.split('.');
  return Number(seconds) * 1000 + Math.floor(Number(nanos.padEnd(9, '0')) / 1e6);
}

/**
 * Revocation is read from the ledger, not from the bundle: every version of a status list is anchored
 * on the issuer's anchor topic (a batch of one, tagged by list id), so the auditor scans the topics the
 * chain's anchors are on, takes the newest version anchored before its clock, and dates each
 * revocation by the consensus time of the first version showing it. Every anchored version must be in
 * the bundle: an older snapshot cannot stand in for a newer one. A version the bundle carries but the
 * ledger never saw counts for nothing.
 */
export async function readLedgerStatusLists(input: {
  bundleLists: readonly VerifiableCredential[];
  listIds: ReadonlySet<string>;
  topicIds: ReadonlySet<string>;
  mirror: MirrorAccess;
  nowMs: number;
}): Promise<LedgerStatusLists> {
  const checks: TrustChainCheck[] = [];
  const versions = new Map<string, AnchoredVersion[]>();
  const current = new Map<string, VerifiableCredential>();
  const result: LedgerStatusLists = { checks, current, revokedAt: async () => undefined };
  if (input.listIds.size === 0) return result;

  // The bundle's versions by the root their batch of one would anchor.
  const byRoot = new Map<string, VerifiableCredential>();
  for (const list of input.bundleLists) {
    try {
      byRoot.set(buildMerkleTree([hashDocument(list)]).root, list);
    } catch {
      // Not hashable (not JSON): it cannot match an anchor, so it is never used.
    }
  }
  const tags = new Map([...input.listIds].map((id) => [statusListAnchorPeriod(id), id]));
  const missing = new Map<string, string[]>();
  for (const topicId of input.topicIds) {
    let messages: Awaited<ReturnType<typeof fetchTopicMessages>>;
    try {
      messages = await fetchTopicMessages({ ...input.mirror, topicId });
    } catch (error) {
      checks.push(unusable(`status-lists:${topicId}`, `topic unreadable: ${(error as Error).message}`));
      return result;
    }
    for (const m of messages) {
      if (msOf(m.consensus_timestamp) > input.nowMs) continue;
      let anchor: ReturnType<typeof decodeAnchorMessage>;
      try {
        anchor = decodeAnchorMessage(new Uint8Array(Buffer.from(m.message, 'base64')));
      } catch {
        continue; // Not an anchor of ours: nothing it says is relied on.
      }
      if (!anchor.period.startsWith(STATUS_LIST_PERIOD_PREFIX)) continue;
      const listId = tags.get(anchor.period);
      if (!listId) continue;
      const where = `${topicId}#${m.sequence_number}`;
      const credential = anchor.count === 1 ? byRoot.get(anchor.root) : undefined;
      if (!credential || credential.id !== listId) {
        missing.set(listId, [...(missing.get(listId) ?? []), `${where} (${m.consensus_timestamp})`]);
        continue;
      }
      const list = versions.get(listId) ?? [];
      list.push({
        credential,
        consensusMs: msOf(m.consensus_timestamp),
        consensusTimestamp: m.consensus_timestamp,
        where,
      });
      versions.set(listId, list);
    }
  }
  for (const listId of input.listIds) {
    const link = `status-list:${listId}.ledger`;
    const anchored = (versions.get(listId) ?? []).sort((a, b) => a.consensusMs - b.consensusMs);
    const absent = missing.get(listId);
    if (absent) {
      checks.push(
        fail(
          link,
          `version(s) anchored at ${absent.slice(0, 3).join(', ')} missing from the bundle: an older snapshot cannot stand in for the list on the ledger`,
        ),
      );
      continue;
    }
    const newest = anchored.at(-1);
    if (!newest) {
      checks.push(
        fail(link, 'never anchored on the issuer’s topic: its revocations cannot be read from the ledger'),
      );
      continue;
    }
    current.set(listId, newest.credential);
    checks.push(
      pass(
        link,
        `${anchored.length} version(s) on the ledger; status read from ${newest.where} (${newest.consensusTimestamp})`,
      ),
    );
  }

  const decoded = new Map<VerifiableCredential, Promise<{ getStatus(i: number): boolean } | undefined>>();
  const bitsOf = (credential: VerifiableCredential) => {
    let bits = decoded.get(credential);
    if (!bits) {
      const encodedList = (credential.credentialSubject as { encodedList?: unknown } | undefined)
        ?.encodedList;
      bits =
        typeof encodedList === 'string'
          ? decodeList({ encodedList }).catch(() => undefined)
          : Promise.resolve(undefined);
      decoded.set(credential, bits);
    }
    return bits;
  };
  result.revokedAt = async (listId, index) => {
    const anchored = versions.get(listId);
    if (!current.has(listId) || !anchored) return undefined;
    let since: AnchoredVersion | undefined;
    for (const version of anchored) {
      const bits = await bitsOf(version.credential);
      const set = bits ? safeStatus(bits, index) : false;
      if (!set) since = undefined;
      else since ??= version;
    }
    return since ? { ms: since.consensusMs, timestamp: since.consensusTimestamp } : undefined;
  };
  return result;
}

function safeStatus(bits: { getStatus(i: number): boolean }, index: number): boolean {
  try {
    return bits.getStatus(index);
  } catch {
    return false;
  }
}
