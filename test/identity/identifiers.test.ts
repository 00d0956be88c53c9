/** did:key and did:hedera identifiers and DID messages: what each refuses, and how. */
import { describe, expect, it } from 'vitest';
import { decodeBase58btc, encodeBase58btc } from '../../engine/telemetry/base58btc.ts';
import {
  createDidKey,
  didKeyFromPublicKeyMultibase,
  getDidKeyResolver,
  resolveDidKeyDocument,
} from '../../identity/did-key.ts';
import { ed25519FromMultibase, formatHederaDid } from '../../identity/hedera-did.ts';
import {
  type HederaDidMessage,
  parseHederaDidMessage,
  signHederaDidMessage,
  verifyHederaDidMessage,
} from '../../identity/hedera-did-message.ts';
import { loadMasterKey } from '../../identity/master-key.ts';
import { actor } from './fixtures/actors.ts';

const invalid = (code: string) => expect.objectContaining({ code });

describe('did:key', () => {
  it('refuses a seed that is not exactly 32 bytes', async () => {
    await expect(createDidKey({ seed: new Uint8Array(31) })).rejects.toMatchObject({ code: 'DID_INVALID' });
    await expect(createDidKey({ seed: 'x'.repeat(32) as unknown as Uint8Array })).rejects.toMatchObject({
      code: 'DID_INVALID',
    });
  });

  it('names the did:key of a device-generated public key and refuses anything but Ed25519', async () => {
    const device = await actor(41);
    expect(didKeyFromPublicKeyMultibase(device.keyPair.publicKeyMultibase)).toBe(device.did);
    expect(() => didKeyFromPublicKeyMultibase(`zQ3s${'a'.repeat(44)}`)).toThrow(invalid('DID_INVALID'));
  });

  it('answers invalidDid for an Ed25519-shaped did:key whose bytes are no Ed25519 key', async () => {
    // 44 base58 '1's after z6Mk decode to header 0xecfe: the shape passes, the multicodec does not.
    const did = `did:key:z6Mk${'1'.repeat(44)}`;
    await expect(resolveDidKeyDocument(did)).rejects.toMatchObject({ code: 'DID_INVALID' });
    const result = await getDidKeyResolver().key!(did, {} as never, {} as never, {});
    expect(result.didDocument).toBeNull();
    expect(result.didResolutionMetadata.error).toBe('invalidDid');
  });

  it('refuses an alias did:key with another multicodec header (it resolved to the same key)', async () => {
    const device = await actor(43);
    const raw = decodeBase58btc(device.keyPair.publicKeyMultibase.slice(1))!.subarray(2);
    // Header 0xed00 still encodes as z6Mk…; the did:key driver used to give it the device's key.
    const alias = `did:key:z${encodeBase58btc(Uint8Array.from([0xed, 0x00, ...raw]))}`;
    expect(alias).toMatch(/^did:key:z6Mk/);
    expect(alias).not.toBe(device.did);
    await expect(resolveDidKeyDocument(alias)).rejects.toMatchObject({ code: 'DID_INVALID' });
    const doc = await resolveDidKeyDocument(device.did);
    expect(doc.verificationMethod?.[0]?.publicKeyMultibase).toBe(device.keyPair.publicKeyMultibase);
  });
});

describe('did:hedera formatting', () => {
  const publicKey = new Uint8Array(32).fill(1);
  it.each([
    ['an unknown network', { network: 'mars', publicKey, topicId: '0.0.1' }],
    ['a root key of the wrong length', { network: 'local', publicKey: new Uint8Array(33), topicId: '0.0.1' }],
    ['a malformed topic id', { network: 'local', publicKey, topicId: '0.0.x' }],
  ])('refuses %s', (_name, input) => {
    expect(() => formatHederaDid(input as Parameters<typeof formatHederaDid>[0])).toThrow(
      invalid('HEDERA_DID_INVALID'),
    );
  });

  it('refuses a Multikey value that is not an Ed25519 key, including non-base58 characters', () => {
    expect(() => ed25519FromMultibase('zQ3sabc')).toThrow(invalid('HEDERA_DID_INVALID'));
    expect(() => ed25519FromMultibase(42 as unknown as string)).toThrow(invalid('HEDERA_DID_INVALID'));
    expect(() => ed25519FromMultibase(`z6Mk${'1'.repeat(44)}`)).toThrow(invalid('HEDERA_DID_INVALID'));
    // Bug fixed: base58 decoding answers undefined for '0', 'O', 'I', 'l'; this was a TypeError (a 500).
    expect(() => ed25519FromMultibase('z6Mk0OIl')).toThrow(invalid('HEDERA_DID_INVALID'));
  });
});

describe('DID messages', () => {
  const did = 'did:hedera:local:z6Mk_0.0.7';
  const envelope = (message: Record<string, unknown>) =>
    new TextEncoder().encode(JSON.stringify({ message, signature: 'AAAA' }));
  const base = { timestamp: 't', operation: 'update', did, event: Buffer.from('{}').toString('base64') };

  it('refuses to sign a message over the 1024-byte HCS limit', async () => {
    const owner = await actor(42);
    await expect(
      signHederaDidMessage({
        did,
        operation: 'delete',
        event: { Document: { id: `${did}${'x'.repeat(1000)}` } },
        timestamp: '2025-01-01T00:00:00Z',
        signer: owner.signer,
      }),
    ).rejects.toMatchObject({ code: 'HEDERA_DID_INVALID' });
  });

  it.each([
    ['an unknown operation', { ...base, operation: 'rotate' }],
    ['a DID that is not a string', { ...base, did: 7 }],
    ['an event that is a JSON array', { ...base, event: Buffer.from('[1]').toString('base64') }],
  ])('skips a message with %s', (_name, message) => {
    expect(parseHederaDidMessage(envelope(message))).toBeUndefined();
  });

  it('parses a well-formed message and does not verify it against a malformed key', async () => {
    const parsed = parseHederaDidMessage(envelope(base));
    expect(parsed?.message).toEqual(base);
    const ok = await verifyHederaDidMessage({
      message: parsed!.message as HederaDidMessage,
      signature: parsed!.signature,
      publicKeyMultibase: 'not-a-key',
    });
    expect(ok).toBe(false);
  });
});

describe('master key file', () => {
  it('fails without a file reader, and when the file cannot be read, without echoing its content', async () => {
    await expect(loadMasterKey({ env: { MRV_MASTER_KEY_FILE: '/k' } })).rejects.toMatchObject({
      code: 'MASTER_KEY_INVALID',
    });
    const error = await loadMasterKey({
      env: { MRV_MASTER_KEY_FILE: '/nonexistent/master.key' },
      readFile: async () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'MASTER_KEY_INVALID' });
    expect((error as Error).message).toContain('/nonexistent/master.key');
  });
});
