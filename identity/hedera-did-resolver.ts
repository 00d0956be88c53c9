import type { DIDResolutionResult, DIDResolver } from 'did-resolver';
import { parseHederaDid } from './hedera-did.ts';
import { type Fetch, fetchTopicMessages, toTopicMessage } from './mirror-topic-messages.ts';
import { replayHederaDid } from './replay-hedera-did.ts';

/**
 * The did:hedera method for `did-resolver`: reads the DID's topic from a mirror node's REST API and
 * replays it. `createDidResolver(getHederaDidResolver({ mirrorUrl, fetch }))`.
 */
export function getHederaDidResolver(options: {
  mirrorUrl: string;
  fetch: Fetch;
}): Record<string, DIDResolver> {
  return {
    hedera: async (did): Promise<DIDResolutionResult> => {
      try {
        const { topicId } = parseHederaDid(did);
        const messages = await fetchTopicMessages({
          mirrorUrl: options.mirrorUrl,
          topicId,
          fetch: options.fetch,
        });
        return await replayHederaDid({ did, messages: messages.map(toTopicMessage) });
      } catch (error) {
        return {
          didDocument: null,
          didDocumentMetadata: {},
          didResolutionMetadata: { error: 'notFound', message: (error as Error).message },
        };
      }
    },
  };
}
