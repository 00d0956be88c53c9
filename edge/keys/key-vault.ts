import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  type KeyObject,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { EdgeError } from '../template/edge-error.ts';

/** What the vault holds: keys made on this gateway, which never leave it. */
export interface VaultSecrets {
  /** Device signing keys (Ed25519 JWK) by their did:key (`mrv-edge keygen`). */
  devices: Record<string, { kty: string; crv: string; x: string; d: string }>;
  /** The gateway's mutual-TLS client key (PKCS#8 PEM), made at enrollment (`mrv-edge pair`). */
  tls_key?: string;
  /** The key before the last renewal, until the renewed certificate is stored (certificate-renewal.ts). */
  tls_key_previous?: string;
  /** An API key sent as well (optional: over mutual TLS the certificate alone authenticates). */
  api_key?: string;
}

interface Sealed {
  v: 1;
  kdf: 'scrypt' | 'key-file';
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

/**
 * Device keys at rest: AES-256-GCM, with the key-encryption key either derived (scrypt) from
 * MRV_EDGE_PASSPHRASE or read from a 32-byte key file kept apart from the data (install.sh puts it
 * in /etc/mrv-edge, root-only). The sealed file alone reveals nothing; tampering fails the GCM tag.
 */
export function createKeyVault(options: { path: string; keyFile: string; passphrase?: string }) {
  function kek(kdf: Sealed['kdf'], salt: Buffer): Buffer {
    if (kdf === 'scrypt') {
      if (!options.passphrase)
        throw new EdgeError('KEY_VAULT', 'the vault is sealed with a passphrase: set MRV_EDGE_PASSPHRASE');
      return scryptSync(options.passphrase, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    }
    if (!existsSync(options.keyFile)) {
      writeFileSync(options.keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    const key = readFileSync(options.keyFile);
    if (key.length !== 32) throw new EdgeError('KEY_VAULT', `${options.keyFile} is not a 32-byte key`);
    return key;
  }
  return {
    seal(secrets: VaultSecrets): void {
      const kdf: Sealed['kdf'] = options.passphrase ? 'scrypt' : 'key-file';
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kek(kdf, salt), iv);
      const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
      const sealed: Sealed = {
        v: 1,
        kdf,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
      writeFileSync(`${options.path}.tmp`, JSON.stringify(sealed), { mode: 0o600 });
      renameSync(`${options.path}.tmp`, options.path);
      chmodSync(options.path, 0o600);
    },
    exists(): boolean {
      return existsSync(options.path);
    },
    open(): VaultSecrets {
      let sealed: Sealed;
      try {
        sealed = JSON.parse(readFileSync(options.path, 'utf8')) as Sealed;
      } catch (error) {
        throw new EdgeError(
          'KEY_VAULT',
          `cannot read the key vault ${options.path}: ${(error as Error).message}`,
        );
      }
      try {
        const decipher = createDecipheriv(
          'aes-256-gcm',
          kek(sealed.kdf, Buffer.from(sealed.salt, 'base64')),
          Buffer.from(sealed.iv, 'base64'),
        );
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
        return JSON.parse(text.toString('utf8')) as VaultSecrets;
      } catch (error) {
        if (error instanceof EdgeError) throw error;
        throw new EdgeError(
          'KEY_VAULT',
          'the key vault does not open with this key (wrong key file or passphrase, or tampered)',
        );
      }
    },
  };
}

export function privateKeyOf(jwk: VaultSecrets['devices'][string]): KeyObject {
  return createPrivateKey({ key: jwk, format: 'jwk' });
}
