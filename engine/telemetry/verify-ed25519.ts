import {
  type Ed25519Backend,
  loadSodiumNative,
  nodeCryptoBackend,
  type SodiumLoader,
  sodiumBackend,
} from './ed25519-backends.ts';
import { passesStrictEd25519 } from './ed25519-strictness.ts';

/** The seam: strict Ed25519 over raw bytes, and which library answers. */
export interface Ed25519Verifier {
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
  /** The library in use, and why sodium-native was not, when it was not. */
  backend: { name: Ed25519Backend['name']; fallback_reason?: string };
}

export interface Ed25519VerifierOptions {
  /** How the sodium-native addon is loaded; default `createRequire(import.meta.url)('sodium-native')`. */
  loadSodium?: SodiumLoader;
}

/**
 * An Ed25519 verifier backed by sodium-native (≈2× node:crypto) with node:crypto as the fallback when the
 * addon cannot load. Both backends see only inputs that pass libsodium's strict rules (canonical S, A and R
 * of large order, canonical A), so the answer does not depend on which one is loaded.
 *
 * @example
 * createEd25519Verifier().verify(message, signature, rawPublicKey) // true
 */
export function createEd25519Verifier(options: Ed25519VerifierOptions = {}): Ed25519Verifier {
  const sodium = sodiumBackend(options.loadSodium ?? loadSodiumNative);
  const backend = sodium instanceof Error ? nodeCryptoBackend() : sodium;
  return {
    backend:
      sodium instanceof Error
        ? { name: backend.name, fallback_reason: sodium.message.split('\n')[0]! }
        : { name: backend.name },
    verify(message, signature, publicKey) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      if (!passesStrictEd25519(signature, publicKey)) return false;
      try {
        return backend.verify(message, signature, publicKey);
      } catch {
        return false;
      }
    },
  };
}

let shared: Ed25519Verifier | undefined;
const sharedVerifier = () => {
  shared ??= createEd25519Verifier();
  return shared;
};

/**
 * Whether `signature` (64 bytes) is a valid Ed25519 signature of `message` by the raw 32-byte
 * `publicKey` (RFC 8032, strict). The one signature check of telemetry, the API and the auditor's
 * trust-chain verifier.
 *
 * @example
 * verifyEd25519(signingPayload(doc), signature, ed25519KeyFromDidKey(doc.device_id)!) // true
 */
export function verifyEd25519(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  return sharedVerifier().verify(message, signature, publicKey);
}

/** Which library `verifyEd25519` uses in this process (for benchmarks and health output). */
export function ed25519Backend(): Ed25519Verifier['backend'] {
  return sharedVerifier().backend;
}
