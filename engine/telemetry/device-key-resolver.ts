import type { KeyObject } from 'node:crypto';
import { ed25519KeyFromDidKey } from './did-key.ts';

/** Looks up a device's Ed25519 public key (raw 32 bytes or a KeyObject); undefined when unknown. */
export type ResolveDeviceKey = (deviceId: string) => Uint8Array | KeyObject | undefined;

/** Resolves a device id to its raw 32-byte Ed25519 public key, caching it. */
export type DeviceKeyResolver = (deviceId: string) => Uint8Array | undefined;

export interface DeviceKeyResolverOptions {
  /** Where keys come from (e.g. did:hedera documents). Default: decode `did:key` DIDs in place. */
  resolve?: ResolveDeviceKey;
  /** Cached keys, least recently used evicted first. */
  maxCached?: number;
}

/**
 * A caching key resolver for signature checks. The default source handles `did:key` (the key is in
 * the DID); `did:hedera` and others need an injected `resolve` (see identity/).
 *
 * @example
 * const keyOf = createDeviceKeyResolver();
 * keyOf('did:key:z6Mk…') // Uint8Array(32)
 */
export function createDeviceKeyResolver(options: DeviceKeyResolverOptions = {}): DeviceKeyResolver {
  const resolve = options.resolve ?? ed25519KeyFromDidKey;
  const maxCached = options.maxCached ?? 10_000;
  const cache = new Map<string, Uint8Array>();
  return (deviceId) => {
    const hit = cache.get(deviceId);
    if (hit) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      cache.delete(deviceId);
      cache.set(deviceId, hit);
      return hit;
    }
    let key: Uint8Array | undefined;
    try {
      key = rawKey(resolve(deviceId));
    } catch {
      key = undefined;
    }
    if (!key) return undefined;
    if (cache.size >= maxCached) cache.delete(cache.keys().next().value as string);
    cache.set(deviceId, key);
    return key;
  };
}

function rawKey(key: Uint8Array | KeyObject | undefined): Uint8Array | undefined {
  if (key === undefined) return undefined;
  if (key instanceof Uint8Array) return key.length === 32 ? key : undefined;
  if (key.asymmetricKeyType !== 'ed25519') return undefined;
  const x = key.export({ format: 'jwk' }).x;
  return x ? new Uint8Array(Buffer.from(x, 'base64url')) : undefined;
}
