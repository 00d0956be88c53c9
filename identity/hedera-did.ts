import { decode as base58Decode, encode as base58Encode } from 'base58-universal';
import { IdentityError } from './identity-error.ts';

/** Multicodec prefix of an Ed25519 public key (0xed, varint-encoded). */
const ED25519_MULTICODEC = Uint8Array.from([0xed, 0x01]);
const NETWORKS = ['mainnet', 'testnet', 'previewnet', 'local'] as const;
export type HederaNetwork = (typeof NETWORKS)[number];

export interface HederaDidParts {
  network: HederaNetwork;
  /** The raw 32-byte Ed25519 root key. */
  publicKey: Uint8Array;
  /** The same key as a Multikey value (`z6Mk…`), as DID documents carry it. */
  publicKeyMultibase: string;
  topicId: string;
}

/** `did:hedera:<network>:z<base58 root key>_<topicId>`, per the Hedera DID method. */
export function formatHederaDid(input: {
  network: HederaNetwork;
  publicKey: Uint8Array;
  topicId: string;
}): string {
  if (!NETWORKS.includes(input.network))
    throw new IdentityError('HEDERA_DID_INVALID', 'unknown Hedera network');
  if (input.publicKey.length !== 32)
    throw new IdentityError('HEDERA_DID_INVALID', 'root key must be 32 bytes');
  if (!/^\d{1,10}\.\d{1,10}\.\d{1,19}$/.test(input.topicId))
    throw new IdentityError('HEDERA_DID_INVALID', 'bad topic id');
  return `did:hedera:${input.network}:z${base58Encode(input.publicKey)}_${input.topicId}`;
}

export function parseHederaDid(did: string): HederaDidParts {
  const match = /^did:hedera:([a-z]+):z([1-9A-HJ-NP-Za-km-z]{40,50})_(\d{1,10}\.\d{1,10}\.\d{1,19})$/.exec(
    typeof did === 'string' ? did : '',
  );
  if (!match || !NETWORKS.includes(match[1] as HederaNetwork)) {
    throw new IdentityError(
      'HEDERA_DID_INVALID',
      `not a did:hedera identifier: '${String(did).slice(0, 120)}'`,
    );
  }
  // The pattern admits only base58 characters, so decoding cannot fail here.
  const publicKey = base58Decode(match[2]!);
  if (publicKey.length !== 32) throw new IdentityError('HEDERA_DID_INVALID', 'root key must be 32 bytes');
  return {
    network: match[1] as HederaNetwork,
    publicKey,
    publicKeyMultibase: ed25519Multibase(publicKey),
    topicId: match[3]!,
  };
}

/** Raw Ed25519 public key → Multikey `publicKeyMultibase` (`z6Mk…`). */
export function ed25519Multibase(publicKey: Uint8Array): string {
  const bytes = new Uint8Array(34);
  bytes.set(ED25519_MULTICODEC, 0);
  bytes.set(publicKey, 2);
  return `z${base58Encode(bytes)}`;
}

/** Multikey `z6Mk…` → raw 32-byte Ed25519 public key. */
export function ed25519FromMultibase(publicKeyMultibase: string): Uint8Array {
  if (typeof publicKeyMultibase !== 'string' || !publicKeyMultibase.startsWith('z6Mk')) {
    throw new IdentityError('HEDERA_DID_INVALID', 'not an Ed25519 Multikey value');
  }
  // base58-universal answers undefined (it does not throw) for a character outside the alphabet.
  const bytes: Uint8Array | undefined = base58Decode(publicKeyMultibase.slice(1));
  if (bytes?.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw new IdentityError('HEDERA_DID_INVALID', 'not an Ed25519 Multikey value');
  }
  return bytes.slice(2);
}
