import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JWK } from 'jose';

/** The Ed25519 key pair that signs OAuth access tokens, and its public JWK (served at /.well-known/jwks.json). */
export interface JwtKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  jwk: JWK;
}

export function jwtKeysFrom(privateKey: KeyObject): JwtKeys {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the token signing key must be Ed25519');
  const publicKey = createPublicKey(privateKey);
  const { crv, kty, x } = publicKey.export({ format: 'jwk' }) as { crv: string; kty: string; x: string };
  // RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order.
  const kid = createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');
  return { privateKey, publicKey, kid, jwk: { crv, kty, x, kid, alg: 'EdDSA', use: 'sig' } };
}

export function generateJwtKeys(): JwtKeys {
  return jwtKeysFrom(generateKeyPairSync('ed25519').privateKey);
}

/**
 * Loads the PKCS#8 PEM key at `path`, creating it (mode 0600) on first start, so tokens stay valid
 * across restarts and every API instance given the same file accepts every other's tokens.
 */
export function loadOrCreateJwtKeys(path: string): JwtKeys {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  return jwtKeysFrom(createPrivateKey(readFileSync(path)));
}
