import type { CredentialSigner } from './credential-signer.ts';
import { ed25519FromMultibase, formatHederaDid, type HederaNetwork, parseHederaDid } from './hedera-did.ts';
import { type HederaDidEvent, signHederaDidMessage } from './hedera-did-message.ts';

/**
 * The two ledger operations a DID registrar needs. Implemented over the SDK (`createSdkDidTopicWriter`)
 * or over the ledger adapter; `idempotencyKey` lets an exactly-once adapter deduplicate retries.
 */
export interface DidTopicWriter {
  createTopic(input: { memo: string; idempotencyKey: string }): Promise<{ topicId: string }>;
  submitMessage(input: {
    topicId: string;
    message: Uint8Array;
    idempotencyKey: string;
  }): Promise<{ sequenceNumber: number }>;
}

interface Common {
  signer: CredentialSigner;
  topics: DidTopicWriter;
  /** Message timestamp (the caller's clock); resolution orders by consensus time, not by this. */
  timestamp: string;
}

/**
 * Registers a did:hedera: creates its topic and publishes the create (DIDOwner) message signed by the
 * root key. A replayed create after a crash is harmless: resolution takes the first one.
 */
export async function createHederaDid(
  input: Common & { network: HederaNetwork; publicKeyMultibase: string },
): Promise<{ did: string; topicId: string; sequenceNumber: number }> {
  const publicKey = ed25519FromMultibase(input.publicKeyMultibase);
  const { topicId } = await input.topics.createTopic({
    memo: 'did:hedera',
    idempotencyKey: `did-topic:${input.publicKeyMultibase}:${input.timestamp}`,
  });
  const did = formatHederaDid({ network: input.network, publicKey, topicId });
  const event: HederaDidEvent = {
    DIDOwner: {
      id: `${did}#did-root-key`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: input.publicKeyMultibase,
    },
  };
  const { sequenceNumber } = await publish(input, did, 'create', event);
  return { did, topicId, sequenceNumber };
}

/** Adds (or replaces) a verification method, or revokes one; signed by the root key. */
export async function updateHederaDid(
  input: Common & {
    did: string;
    change:
      | { addVerificationMethod: { fragment: string; publicKeyMultibase: string } }
      | { revokeVerificationMethod: { fragment: string } };
  },
): Promise<{ sequenceNumber: number }> {
  const { did, change } = input;
  const event: HederaDidEvent =
    'addVerificationMethod' in change
      ? {
          VerificationMethod: {
            id: `${did}#${change.addVerificationMethod.fragment}`,
            type: 'Multikey',
            controller: did,
            publicKeyMultibase: change.addVerificationMethod.publicKeyMultibase,
          },
        }
      : { RevokeVerificationMethod: { id: `${did}#${change.revokeVerificationMethod.fragment}` } };
  return publish(input, did, 'update', event);
}

/** Deactivates the DID for good: resolution then returns an empty, deactivated document. */
export async function deactivateHederaDid(
  input: Common & { did: string },
): Promise<{ sequenceNumber: number }> {
  return publish(input, input.did, 'delete', { Document: { id: input.did } });
}

async function publish(
  input: Common,
  did: string,
  operation: 'create' | 'update' | 'delete',
  event: HederaDidEvent,
): Promise<{ sequenceNumber: number }> {
  const { topicId } = parseHederaDid(did);
  const message = await signHederaDidMessage({
    did,
    operation,
    event,
    timestamp: input.timestamp,
    signer: input.signer,
  });
  const digest = Buffer.from(await crypto.subtle.digest('SHA-256', message)).toString('hex');
  return input.topics.submitMessage({ topicId, message, idempotencyKey: `did-message:${digest}` });
}
