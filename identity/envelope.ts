import { createCipheriv, createDecipheriv } from 'node:crypto';
import { IdentityError } from './identity-error.ts';
import type { MasterKey } from './master-key.ts';

/** A secret sealed under a fresh data key, itself wrapped by the master key (envelope encryption). */
export interface SealedSecret {
  alg: 'A256GCM+A256GCMKW';
  /** Data key encrypted under the master key: base64 of iv(12) ‖ ciphertext(32) ‖ tag(16). */
  wrappedKey: string;
  /** Secret encrypted under the data key: base64 of iv(12) ‖ ciphertext ‖ tag(16). */
  ciphertext: string;
}

/**
 * Encrypts `secret` with AES-256-GCM under a one-off data key, and wraps that key with the master key.
 * `aad` binds the ciphertext to its record (org and key id), so sealed blobs cannot be swapped between
 * records. `randomBytes` is injected (key and IVs are the only randomness).
 */
export function sealSecret(options: {
  masterKey: MasterKey;
  secret: Uint8Array;
  aad: string;
  randomBytes: (n: number) => Uint8Array;
}): SealedSecret {
  const { masterKey, secret, aad, randomBytes } = options;
  const dataKey = randomBytes(32);
  try {
    return {
      alg: 'A256GCM+A256GCMKW',
      wrappedKey: encrypt(masterKey.bytes, dataKey, `wrap:${aad}`, randomBytes(12)),
      ciphertext: encrypt(dataKey, secret, `data:${aad}`, randomBytes(12)),
    };
  } finally {
    dataKey.fill(0);
  }
}

/** Decrypts a sealed secret; any tampering, wrong master key or wrong record binding fails. */
export function openSecret(options: { masterKey: MasterKey; sealed: SealedSecret; aad: string }): Uint8Array {
  const { masterKey, sealed, aad } = options;
  if (sealed?.alg !== 'A256GCM+A256GCMKW')
    throw new IdentityError('KEY_STORE_CORRUPT', 'unknown sealing algorithm');
  const dataKey = decrypt(masterKey.bytes, sealed.wrappedKey, `wrap:${aad}`);
  try {
    return decrypt(dataKey, sealed.ciphertext, `data:${aad}`);
  } finally {
    dataKey.fill(0);
  }
}

function encrypt(key: Uint8Array, plaintext: Uint8Array, aad: string, iv: Uint8Array): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

function decrypt(key: Uint8Array, blob: string, aad: string): Uint8Array {
  const bytes = Buffer.from(typeof blob === 'string' ? blob : '', 'base64');
  if (bytes.length < 12 + 16 + 1) throw new IdentityError('KEY_STORE_CORRUPT', 'sealed key is truncated');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return new Uint8Array(
      Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]),
    );
  } catch (cause) {
    throw new IdentityError('KEY_STORE_CORRUPT', 'sealed key failed authentication', { cause });
  }
}
