import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { createRequire } from 'node:module';

/** One way of checking an Ed25519 signature over raw bytes with a raw 32-byte public key. */
export interface Ed25519Backend {
  name: 'sodium-native' | 'node:crypto';
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}

/** The part of sodium-native's API the seam uses. */
interface SodiumLike {
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

/** Loads the sodium-native addon (a prebuilt binary in its package); throws when it cannot. */
export type SodiumLoader = () => unknown;

// Resolved at first use, not import: bundles without the addon (the edge agent's single file, where
// `import.meta.url` is empty) must still import this module and fall back.
export const loadSodiumNative: SodiumLoader = () => createRequire(import.meta.url)('sodium-native');

/** libsodium's `crypto_sign_verify_detached`, or an Error saying why the addon is unusable. */
export function sodiumBackend(load: SodiumLoader): Ed25519Backend | Error {
  let sodium: Partial<SodiumLike>;
  try {
    sodium = load() as Partial<SodiumLike>;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const check = sodium?.crypto_sign_verify_detached;
  if (typeof check !== 'function') return new Error('sodium-native has no crypto_sign_verify_detached');
  return {
    name: 'sodium-native',
    verify: (message, signature, publicKey) => check.call(sodium, signature, message, publicKey),
  };
}

/**
 * OpenSSL through node:crypto. Importing a key costs more than a verify, so KeyObjects are kept per key
 * bytes, least recently used evicted first.
 */
export function nodeCryptoBackend(maxCached = 10_000): Ed25519Backend {
  const keys = new Map<string, KeyObject>();
  const keyObject = (publicKey: Uint8Array): KeyObject => {
    const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, 32).toString('latin1');
    let key = keys.get(id);
    if (key) {
      keys.delete(id);
    } else {
      const x = Buffer.from(publicKey.buffer, publicKey.byteOffset, 32).toString('base64url');
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
      if (keys.size >= maxCached) keys.delete(keys.keys().next().value as string);
    }
    keys.set(id, key);
    return key;
  };
  return {
    name: 'node:crypto',
    verify: (message, signature, publicKey) => verify(null, message, keyObject(publicKey), signature),
  };
}
