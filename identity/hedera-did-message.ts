import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import canonicalize from 'canonicalize';
import type { CredentialSigner } from './credential-signer.ts';
import { IdentityError } from './identity-error.ts';

/** HCS messages are capped at 1024 bytes unless chunked; DID messages must fit in one. */
export const MAX_DID_MESSAGE_BYTES = 1024;

export type HederaDidOperation = 'create' | 'update' | 'delete';

/** Events carried in a DID message (base64 JSON in `event`), following the Hedera DID method's names. */
export type HederaDidEvent =
  | { DIDOwner: { id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string } }
  | { VerificationMethod: { id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string } }
  | { RevokeVerificationMethod: { id: string } }
  | { Document: { id: string } };

export interface HederaDidMessage {
  timestamp: string;
  operation: HederaDidOperation;
  did: string;
  /** base64 of the event's JSON. */
  event: string;
}

/**
 * Builds the bytes of a signed DID message: `{"message":{…},"signature":"<base64 Ed25519>"}` in JCS form.
 * The signature covers the JCS bytes of `message`, so the same message has one signed form.
 */
export async function signHederaDidMessage(input: {
  did: string;
  operation: HederaDidOperation;
  event: HederaDidEvent;
  timestamp: string;
  signer: CredentialSigner;
}): Promise<Uint8Array> {
  const message: HederaDidMessage = {
    timestamp: input.timestamp,
    operation: input.operation,
    did: input.did,
    event: Buffer.from(JSON.stringify(input.event), 'utf8').toString('base64'),
  };
  const signature = await input.signer.sign({ data: Buffer.from(canonicalize(message)!, 'utf8') });
  const bytes = Buffer.from(
    canonicalize({ message, signature: Buffer.from(signature).toString('base64') })!,
    'utf8',
  );
  if (bytes.length > MAX_DID_MESSAGE_BYTES) {
    throw new IdentityError(
      'HEDERA_DID_INVALID',
      `DID message is ${bytes.length} bytes (max ${MAX_DID_MESSAGE_BYTES})`,
    );
  }
  return new Uint8Array(bytes);
}

/** A parsed DID message, or undefined when the bytes are not one (replay skips such messages). */
export function parseHederaDidMessage(
  bytes: Uint8Array,
): { message: HederaDidMessage; event: HederaDidEvent; signature: Uint8Array } | undefined {
  if (bytes.length > MAX_DID_MESSAGE_BYTES) return undefined;
  try {
    const envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as {
      message?: HederaDidMessage;
      signature?: string;
    };
    const m = envelope.message;
    if (!m || typeof m !== 'object' || typeof envelope.signature !== 'string') return undefined;
    if (!['create', 'update', 'delete'].includes(m.operation)) return undefined;
    if (typeof m.did !== 'string' || typeof m.timestamp !== 'string' || typeof m.event !== 'string')
      return undefined;
    const event = JSON.parse(Buffer.from(m.event, 'base64').toString('utf8')) as HederaDidEvent;
    if (!event || typeof event !== 'object' || Array.isArray(event)) return undefined;
    const message: HederaDidMessage = {
      timestamp: m.timestamp,
      operation: m.operation,
      did: m.did,
      event: m.event,
    };
    return { message, event, signature: new Uint8Array(Buffer.from(envelope.signature, 'base64')) };
  } catch {
    return undefined;
  }
}

/** True when `signature` is the key's Ed25519 signature over the message's JCS bytes. */
export async function verifyHederaDidMessage(input: {
  message: HederaDidMessage;
  signature: Uint8Array;
  publicKeyMultibase: string;
}): Promise<boolean> {
  try {
    const key = await Ed25519Multikey.from({ publicKeyMultibase: input.publicKeyMultibase });
    const data = new Uint8Array(Buffer.from(canonicalize(input.message)!, 'utf8'));
    return await key.verifier().verify({ data, signature: input.signature });
  } catch {
    return false;
  }
}
