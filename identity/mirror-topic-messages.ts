import { IdentityError } from './identity-error.ts';
import type { TopicMessage } from './replay-hedera-did.ts';

/** A topic message exactly as the mirror node's REST API returns it (`/api/v1/topics/{id}/messages`). */
export interface MirrorRestTopicMessage {
  topic_id: string;
  sequence_number: number;
  consensus_timestamp: string;
  message: string;
  running_hash: string;
  running_hash_version: number;
  payer_account_id: string;
  chunk_info?: unknown;
}

export type Fetch = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

const TOPIC_ID = /^\d{1,10}\.\d{1,10}\.\d{1,19}$/;
/** Guards against a mirror that pages forever. */
const MAX_PAGES = 1000;

/** Reads every message of a topic from the mirror REST API, following `links.next`, in order. */
export async function fetchTopicMessages(input: {
  mirrorUrl: string;
  topicId: string;
  fetch: Fetch;
}): Promise<MirrorRestTopicMessage[]> {
  if (!TOPIC_ID.test(input.topicId)) throw new IdentityError('HEDERA_DID_INVALID', 'bad topic id');
  const base = new URL(input.mirrorUrl);
  let next: string | undefined = `/api/v1/topics/${input.topicId}/messages?limit=100&order=asc`;
  const out: MirrorRestTopicMessage[] = [];
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const body = (await getJson(input.fetch, new URL(next, base).toString())) as {
      messages?: MirrorRestTopicMessage[];
      links?: { next?: string | null };
    };
    out.push(...(body.messages ?? []));
    next = body.links?.next ?? undefined;
  }
  return out;
}

/** One message by sequence number (`/api/v1/topics/{id}/messages/{seq}`), or undefined when absent. */
export async function fetchTopicMessage(input: {
  mirrorUrl: string;
  topicId: string;
  sequenceNumber: number;
  fetch: Fetch;
}): Promise<MirrorRestTopicMessage | undefined> {
  if (
    !TOPIC_ID.test(input.topicId) ||
    !Number.isSafeInteger(input.sequenceNumber) ||
    input.sequenceNumber < 1
  ) {
    throw new IdentityError('BUNDLE_INVALID', 'bad topic id or sequence number');
  }
  const url = new URL(
    `/api/v1/topics/${input.topicId}/messages/${input.sequenceNumber}`,
    input.mirrorUrl,
  ).toString();
  const response = await input.fetch(url);
  if (response.status === 404) return undefined;
  if (!response.ok)
    throw new IdentityError('DID_NOT_FOUND', `mirror node answered ${response.status} for ${url}`);
  return (await response.json()) as MirrorRestTopicMessage;
}

export function toTopicMessage(m: MirrorRestTopicMessage): TopicMessage {
  return {
    sequenceNumber: Number(m.sequence_number),
    consensusTimestamp: String(m.consensus_timestamp),
    bytes: new Uint8Array(Buffer.from(String(m.message), 'base64')),
  };
}

async function getJson(fetch: Fetch, url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok)
    throw new IdentityError('DID_NOT_FOUND', `mirror node answered ${response.status} for ${url}`);
  return response.json();
}
