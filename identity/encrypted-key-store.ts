import { createPublicKey, generateKeyPairSync, webcrypto } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { CredentialSigner } from './credential-signer.ts';
import { createDidKey } from './did-key.ts';
import { openSecret, sealSecret } from './envelope.ts';
import { IdentityError } from './identity-error.ts';
import type { KeyInfo, KeyRecord, KeyRecordRepository, KeyStore } from './key-store.ts';
import type { MasterKey } from './master-key.ts';

export interface EncryptedKeyStoreOptions {
  masterKey: MasterKey;
  records: KeyRecordRepository;
  /** The store's only randomness (key seeds, data keys, IVs); `crypto.randomBytes` in production. */
  randomBytes: (n: number) => Uint8Array;
}

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The default KeyStore: Ed25519 seeds sealed with envelope encryption (AES-256-GCM data key per key,
 * wrapped by the master key) in any KeyRecordRepository. Plaintext exists only inside a sign call.
 */
export function createEncryptedKeyStore(options: EncryptedKeyStoreOptions): KeyStore {
  const { masterKey, records, randomBytes } = options;

  async function create(kind: KeyInfo['kind'], input: { orgId: string; keyId: string; createdAt: string }) {
    checkIds(input.orgId, input.keyId);
    const seed = randomBytes(32);
    try {
      const key = await createDidKey({ seed });
      const record: KeyRecord = {
        orgId: input.orgId,
        keyId: input.keyId,
        kind,
        publicKeyMultibase: key.keyPair.publicKeyMultibase,
        did: key.did,
        verificationMethod: key.verificationMethod,
        state: kind === 'issuer' ? 'active' : 'awaiting-claim',
        createdAt: input.createdAt,
        sealed: sealSecret({ masterKey, secret: seed, aad: aadOf(input.orgId, input.keyId), randomBytes }),
      };
      await records.insert(record);
      return publicInfo(record);
    } finally {
      seed.fill(0);
    }
  }

  async function load(orgId: string, keyId: string): Promise<KeyRecord> {
    checkIds(orgId, keyId);
    const record = await records.find(orgId, keyId);
    if (!record || record.orgId !== orgId) throw new IdentityError('KEY_NOT_FOUND', `no key '${keyId}'`);
    return record;
  }

  async function createCaKey(input: { orgId: string; keyId: string; createdAt: string }): Promise<KeyInfo> {
    checkIds(input.orgId, input.keyId);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pkcs8 = new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' }));
    try {
      const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
      const record: KeyRecord = {
        orgId: input.orgId,
        keyId: input.keyId,
        kind: 'ca',
        publicKeyMultibase: `u${spki.toString('base64url')}`,
        did: '',
        verificationMethod: '',
        state: 'active',
        createdAt: input.createdAt,
        sealed: sealSecret({ masterKey, secret: pkcs8, aad: aadOf(input.orgId, input.keyId), randomBytes }),
      };
      await records.insert(record);
      return publicInfo(record);
    } finally {
      pkcs8.fill(0);
    }
  }

  return {
    createIssuerKey: (input) => create('issuer', input),
    createCaKey,

    async withCaKey({ orgId, keyId }, use) {
      const record = await load(orgId, keyId);
      if (record.kind !== 'ca' || !record.sealed) {
        throw new IdentityError('KEY_NOT_USABLE', `key '${keyId}' is not a CA key`);
      }
      const pkcs8 = openSecret({ masterKey, sealed: record.sealed, aad: aadOf(orgId, keyId) });
      try {
        const key = await webcrypto.subtle.importKey(
          'pkcs8',
          pkcs8,
          { name: 'ECDSA', namedCurve: 'P-256' },
          false,
          ['sign'],
        );
        return await use(key);
      } finally {
        pkcs8.fill(0);
      }
    },
    provisionDeviceKey: (input) => create('device', input),

    async claimDeviceKey({ orgId, keyId }) {
      const before = await load(orgId, keyId);
      if (before.kind !== 'device')
        throw new IdentityError('KEY_NOT_USABLE', `key '${keyId}' is not a device key`);
      const claimed = await records.claim(orgId, keyId);
      if (!claimed?.sealed)
        throw new IdentityError('KEY_ALREADY_CLAIMED', `device key '${keyId}' was already handed out`);
      const seed = openSecret({ masterKey, sealed: claimed.sealed, aad: aadOf(orgId, keyId) });
      try {
        const pair = await Ed25519Multikey.generate({ seed });
        const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
        return {
          ...publicInfo(claimed),
          state: 'claimed',
          secretKeyMultibase: String(exported.secretKeyMultibase),
        };
      } finally {
        seed.fill(0);
      }
    },

    async getKey({ orgId, keyId }) {
      checkIds(orgId, keyId);
      const record = await records.find(orgId, keyId);
      return record && record.orgId === orgId ? publicInfo(record) : undefined;
    },

    async signer({ orgId, keyId, verificationMethod }): Promise<CredentialSigner> {
      const record = await load(orgId, keyId);
      if (record.kind !== 'issuer' || !record.sealed) {
        throw new IdentityError('KEY_NOT_USABLE', `key '${keyId}' cannot sign inside the store`);
      }
      const sealed = record.sealed;
      return {
        id: verificationMethod ?? record.verificationMethod,
        algorithm: 'Ed25519',
        async sign({ data }) {
          const seed = openSecret({ masterKey, sealed, aad: aadOf(orgId, keyId) });
          try {
            const pair = await Ed25519Multikey.generate({ seed });
            return await pair.signer().sign({ data });
          } finally {
            seed.fill(0);
          }
        },
      };
    },
  };
}

function aadOf(orgId: string, keyId: string): string {
  return `${orgId}\u0000${keyId}`;
}

function checkIds(orgId: string, keyId: string): void {
  if (typeof orgId !== 'string' || !ID_PATTERN.test(orgId))
    throw new IdentityError('KEY_NOT_FOUND', 'invalid orgId');
  if (typeof keyId !== 'string' || !ID_PATTERN.test(keyId))
    throw new IdentityError('KEY_NOT_FOUND', 'invalid keyId');
}

function publicInfo(record: KeyRecord): KeyInfo {
  const { orgId, keyId, kind, publicKeyMultibase, did, verificationMethod, state, createdAt } = record;
  return { orgId, keyId, kind, publicKeyMultibase, did, verificationMethod, state, createdAt };
}
