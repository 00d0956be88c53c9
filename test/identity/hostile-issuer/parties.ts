/**
 * The parties of a trust chain, each a did:key from a fixed seed with the same key as a Hedera
 * Ed25519 key (so the organization's DID key can be a topic submit key and a token supply key).
 */
import { PrivateKey } from '@hashgraph/sdk';
import { createDidResolver } from '../../../identity/create-did-resolver.ts';
import type { CredentialSigner } from '../../../identity/credential-signer.ts';
import { createDidKey } from '../../../identity/did-key.ts';
import { createDocumentLoader } from '../../../identity/document-loader.ts';

export interface Party {
  did: string;
  signer: CredentialSigner;
  /** The same Ed25519 key as a Hedera key. */
  hederaKey: PrivateKey;
}

async function party(seedByte: number): Promise<Party> {
  const seed = new Uint8Array(32).fill(seedByte);
  const key = await createDidKey({ seed });
  return {
    did: key.did,
    signer: key.keyPair.signer() as CredentialSigner,
    hederaKey: PrivateKey.fromBytesED25519(seed),
  };
}

export interface Parties {
  /** The accreditation authority the auditor trusts. */
  authority: Party;
  /** The registry it accredits: registers devices and attests plants. */
  registry: Party;
  /** The verifier it accredits: decides flagged readings. */
  verifier: Party;
  /** The issuing organization: holds all of its own keys and is assumed hostile. */
  org: Party;
  /** Another organization (someone else's topic, token or mint). */
  other: Party;
}

export async function createParties(): Promise<Parties> {
  return {
    authority: await party(61),
    registry: await party(62),
    verifier: await party(63),
    org: await party(64),
    other: await party(65),
  };
}

export const documentLoader = createDocumentLoader({ resolver: createDidResolver() });
