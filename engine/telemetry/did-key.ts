import { decodeBase58btc, encodeBase58btc } from './base58btc.ts';

/** Multicodec varint for an Ed25519 public key (0xed) — the `z6Mk` prefix once base58-encoded. */
const ED25519_PUB_HEADER = [0xed, 0x01] as const;
const PREFIX = 'did:key:z';

/**
 * The raw 32-byte Ed25519 public key inside a `did:key` DID, or undefined when the DID is not an
 * Ed25519 did:key (another method, another key type, bad encoding). A DID URL fragment is ignored.
 *
 * @example
 * ed25519KeyFromDidKey('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK') // Uint8Array(32)
 */
export function ed25519KeyFromDidKey(did: string): Uint8Array | undefined {
  if (!did.startsWith(PREFIX)) return undefined;
  const hash = did.indexOf('#');
  const encoded = did.slice(PREFIX.length, hash < 0 ? undefined : hash);
  const bytes = decodeBase58btc(encoded);
  if (bytes?.length !== 34) return undefined;
  if (bytes[0] !== ED25519_PUB_HEADER[0] || bytes[1] !== ED25519_PUB_HEADER[1]) return undefined;
  return bytes.subarray(2);
}

/**
 * The `did:key` DID for a raw 32-byte Ed25519 public key.
 *
 * @example
 * didKeyFromEd25519Key(publicKeyBytes) // 'did:key:z6Mk…'
 */
export function didKeyFromEd25519Key(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new RangeError('an Ed25519 public key has 32 bytes');
  const bytes = new Uint8Array(34);
  bytes.set(ED25519_PUB_HEADER, 0);
  bytes.set(publicKey, 2);
  return `${PREFIX}${encodeBase58btc(bytes)}`;
}
