import type { DIDDocument, DIDResolutionResult, VerificationMethod } from 'did-resolver';
import { parseHederaDid } from './hedera-did.ts';
import { parseHederaDidMessage, verifyHederaDidMessage } from './hedera-did-message.ts';

/** One message of the DID's topic as the mirror node reports it. */
export interface TopicMessage {
  sequenceNumber: number;
  /** Mirror form `seconds.nanos`. */
  consensusTimestamp: string;
  bytes: Uint8Array;
}

const ROOT_FRAGMENT = '#did-root-key';

/**
 * Resolves a did:hedera by replaying its topic in consensus order. The first create, validly signed by
 * the root key named in the DID itself, wins; later creates are ignored. Updates and the deactivation must
 * be signed by that root key; messages that are malformed, for another DID or badly signed are skipped.
 * Pure: the caller fetches the messages (from the mirror node).
 */
export async function replayHederaDid(input: {
  did: string;
  messages: TopicMessage[];
}): Promise<DIDResolutionResult> {
  const { did } = input;
  let parts: ReturnType<typeof parseHederaDid>;
  try {
    parts = parseHederaDid(did);
  } catch (error) {
    return failure('invalidDid', (error as Error).message);
  }
  const rootId = `${did}${ROOT_FRAGMENT}`;
  const methods = new Map<string, VerificationMethod>();
  let created: string | undefined;
  let updated: string | undefined;
  let deactivated = false;
  let versionId: string | undefined;

  const ordered = [...input.messages].sort((a, b) => a.sequenceNumber - b.sequenceNumber);
  for (const topicMessage of ordered) {
    if (deactivated) break;
    const parsed = parseHederaDidMessage(topicMessage.bytes);
    if (!parsed || parsed.message.did !== did) continue;
    const { message, event, signature } = parsed;
    if (!(await verifyHederaDidMessage({ message, signature, publicKeyMultibase: parts.publicKeyMultibase })))
      continue;
    const when = isoFromConsensus(topicMessage.consensusTimestamp);
    if (!created) {
      if (message.operation !== 'create' || !('DIDOwner' in event)) continue;
      const owner = event.DIDOwner;
      if (
        owner.id !== rootId ||
        owner.controller !== did ||
        owner.publicKeyMultibase !== parts.publicKeyMultibase
      )
        continue;
      methods.set(rootId, {
        id: rootId,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: parts.publicKeyMultibase,
      });
      created = when;
    } else if (message.operation === 'update') {
      if ('VerificationMethod' in event) {
        const m = event.VerificationMethod;
        if (m.id === rootId || !m.id.startsWith(`${did}#`) || m.type !== 'Multikey' || m.controller !== did)
          continue;
        if (typeof m.publicKeyMultibase !== 'string' || !m.publicKeyMultibase.startsWith('z6Mk')) continue;
        methods.set(m.id, {
          id: m.id,
          type: 'Multikey',
          controller: did,
          publicKeyMultibase: m.publicKeyMultibase,
        });
      } else if ('RevokeVerificationMethod' in event) {
        if (event.RevokeVerificationMethod.id === rootId) continue;
        if (!methods.delete(event.RevokeVerificationMethod.id)) continue;
      } else continue;
      updated = when;
    } else if (message.operation === 'delete') {
      if (!('Document' in event) || event.Document.id !== did) continue;
      deactivated = true;
      updated = when;
    } else continue;
    versionId = String(topicMessage.sequenceNumber);
  }

  if (!created)
    return failure('notFound', `no validly signed create message for ${did} on topic ${parts.topicId}`);
  const ids = [...methods.keys()];
  const didDocument: DIDDocument = deactivated
    ? { '@context': ['https://www.w3.org/ns/did/v1'], id: did }
    : {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: did,
        controller: did,
        verificationMethod: [...methods.values()],
        authentication: ids,
        assertionMethod: ids,
      };
  return {
    didDocument,
    didDocumentMetadata: {
      created,
      ...(updated ? { updated } : {}),
      ...(deactivated ? { deactivated: true } : {}),
      ...(versionId ? { versionId } : {}),
    },
    didResolutionMetadata: { contentType: 'application/did+ld+json' },
  };
}

function failure(error: string, message: string): DIDResolutionResult {
  return { didDocument: null, didDocumentMetadata: {}, didResolutionMetadata: { error, message } };
}

/** `1700000000.123456789` → `2023-11-14T22:13:20.123456789Z` (ISO with the nanoseconds kept). */
export function isoFromConsensus(timestamp: string): string {
  const [seconds = '0', nanos = '0'] = String(timestamp).split('.');
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${base}.${nanos.padEnd(9, '0').slice(0, 9)}Z`;
}
