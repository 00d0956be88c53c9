import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import { createDocumentLoader } from '../../identity/document-loader.ts';
import { createEncryptedKeyStore } from '../../identity/encrypted-key-store.ts';
import { openSecret, sealSecret } from '../../identity/envelope.ts';
import { createFileKeyRecords } from '../../identity/file-key-records.ts';
import { loadMasterKey, masterKeyFromBase64 } from '../../identity/master-key.ts';
import { keyStoreContract } from './fixtures/key-store-contract.ts';

const masterKey = masterKeyFromBase64(Buffer.alloc(32, 7).toString('base64'));
const createdAt = '2025-03-01T00:00:00Z';
const _documentLoader = createDocumentLoader({ resolver: createDidResolver() });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mrv-keys-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('envelope encryption', () => {
  it('round-trips a secret and refuses another record binding, a wrong master key or a flipped byte', () => {
    const secret = new Uint8Array(32).fill(9);
    const sealed = sealSecret({
      masterKey,
      secret,
      aad: 'org-1\u0000k1',
      randomBytes: (n) => new Uint8Array(randomBytes(n)),
    });
    expect(openSecret({ masterKey, sealed, aad: 'org-1\u0000k1' })).toEqual(secret);
    expect(() => openSecret({ masterKey, sealed, aad: 'org-2\u0000k1' })).toThrow(/authentication/);
    const other = masterKeyFromBase64(Buffer.alloc(32, 8).toString('base64'));
    expect(() => openSecret({ masterKey: other, sealed, aad: 'org-1\u0000k1' })).toThrow(/authentication/);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[14] = (bytes[14] ?? 0) ^ 1;
    expect(() =>
      openSecret({
        masterKey,
        sealed: { ...sealed, ciphertext: bytes.toString('base64') },
        aad: 'org-1\u0000k1',
      }),
    ).toThrow();
    expect(() =>
      openSecret({ masterKey, sealed: { ...sealed, wrappedKey: 'AAAA' }, aad: 'org-1\u0000k1' }),
    ).toThrow(/truncated/);
  });
});

describe('key records in files', () => {
  it('reports a record file that is not JSON as KEY_STORE_CORRUPT, never as a missing key', async () => {
    const own = await mkdtemp(join(tmpdir(), 'mrv-keys-corrupt-'));
    try {
      const store = createEncryptedKeyStore({
        masterKey,
        records: createFileKeyRecords({ dir: own }),
        randomBytes: (n) => new Uint8Array(randomBytes(n)),
      });
      await store.createIssuerKey({ orgId: 'org-1', keyId: 'issuer', createdAt: createdAt });
      const [file] = await readdir(own);
      await writeFile(join(own, file!), '{"orgId": "org-1", trunc');
      await expect(store.getKey({ orgId: 'org-1', keyId: 'issuer' })).rejects.toMatchObject({
        code: 'KEY_STORE_CORRUPT',
      });
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('refuses a sealed key under an unknown sealing algorithm', () => {
    const sealed = sealSecret({
      masterKey,
      secret: new Uint8Array(32),
      aad: 'a',
      randomBytes: (n) => new Uint8Array(randomBytes(n)),
    });
    expect(() =>
      openSecret({ masterKey, sealed: { ...sealed, alg: 'none' } as unknown as typeof sealed, aad: 'a' }),
    ).toThrow(expect.objectContaining({ code: 'KEY_STORE_CORRUPT' }));
  });
});

describe('master key loading', () => {
  it('reads MRV_MASTER_KEY and never echoes a bad value', async () => {
    const good = Buffer.alloc(32, 3).toString('base64');
    expect((await loadMasterKey({ env: { MRV_MASTER_KEY: good } })).bytes).toEqual(
      new Uint8Array(32).fill(3),
    );
    const bad = 'c2VjcmV0LXRvby1zaG9ydA==';
    const error = await loadMasterKey({ env: { MRV_MASTER_KEY: bad } }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'MASTER_KEY_INVALID' });
    expect(String((error as Error).message)).not.toContain(bad);
  });

  it('reads a key file (raw or base64) and fails when nothing is configured', async () => {
    const raw = new Uint8Array(32).fill(5);
    const key = await loadMasterKey({ env: { MRV_MASTER_KEY_FILE: '/k' }, readFile: async () => raw });
    expect(key.bytes).toEqual(raw);
    const b64 = Buffer.from(`${Buffer.from(raw).toString('base64')}\n`);
    expect(
      (await loadMasterKey({ env: { MRV_MASTER_KEY_FILE: '/k' }, readFile: async () => b64 })).bytes,
    ).toEqual(raw);
    await expect(loadMasterKey({ env: {} })).rejects.toMatchObject({ code: 'MASTER_KEY_INVALID' });
  });

  it('does not serialize the master key bytes', () => {
    expect(JSON.stringify({ masterKey })).not.toContain(Buffer.alloc(32, 7).toString('base64'));
    expect(JSON.stringify({ masterKey })).not.toContain('7,7,7');
  });
});

keyStoreContract(
  'the file system',
  masterKey,
  async () => createFileKeyRecords({ dir }),
  async () => {
    const files = await readdir(dir);
    const contents = await Promise.all(files.map((f) => readFile(join(dir, f), 'latin1')));
    return contents.join('\n');
  },
);
