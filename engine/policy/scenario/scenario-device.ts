import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { didKeyFromEd25519Key } from '../../telemetry/did-key.ts';

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A fixture device whose Ed25519 key is derived from a seed, so scenarios are reproducible and need
 * no key files. Test keys only: the seed is public.
 *
 * @example
 * scenarioDevice(1).did // 'did:key:z6Mk…' (always the same for seed 1)
 */
export function scenarioDevice(seed: string | number): { did: string; privateKey: KeyObject } {
  const secret = createHash('sha256').update(`mrv-policy-scenario-device:${seed}`).digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, secret]),
    format: 'der',
    type: 'pkcs8',
  });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { did: didKeyFromEd25519Key(Buffer.from(jwk.x!, 'base64url')), privateKey };
}
