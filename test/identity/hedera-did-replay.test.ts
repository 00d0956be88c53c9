import { describe, expect, it } from 'vitest';
import type { CredentialSigner } from '../../identity/credential-signer.ts';
import { ed25519FromMultibase, formatHederaDid, parseHederaDid } from '../../identity/hedera-did.ts';
import { type HederaDidEvent, signHederaDidMessage } from '../../identity/hedera-did-message.ts';
import { replayHederaDid, type TopicMessage } from '../../identity/replay-hedera-did.ts';
import { actor } from './fixtures/actors.ts';

const TOPIC = '0.0.1234';

async function setup() {
  const owner = await actor(21);
  const other = await actor(22);
  const did = formatHederaDid({
    network: 'local',
    publicKey: ed25519FromMultibase(owner.keyPair.publicKeyMultibase),
    topicId: TOPIC,
  });
  let seq = 0;
  const message = async (
    operation: 'create' | 'update' | 'delete',
    event: HederaDidEvent,
    signer: CredentialSigner = owner.signer,
    forDid = did,
  ): Promise<TopicMessage> => {
    seq++;
    return {
      sequenceNumber: seq,
      consensusTimestamp: `${1_700_000_000 + seq}.000000001`,
      bytes: await signHederaDidMessage({
        did: forDid,
        operation,
        event,
        timestamp: '2025-01-01T00:00:00Z',
        signer,
      }),
    };
  };
  const create = (pk = owner.keyPair.publicKeyMultibase, signer: CredentialSigner = owner.signer) =>
    message(
      'create',
      { DIDOwner: { id: `${did}#did-root-key`, type: 'Multikey', controller: did, publicKeyMultibase: pk } },
      signer,
    );
  return { owner, other, did, message, create };
}

describe('did:hedera identifiers', () => {
  it('round-trips network, root key and topic', async () => {
    const { did, owner } = await setup();
    expect(did).toMatch(/^did:hedera:local:z[1-9A-HJ-NP-Za-km-z]+_0\.0\.1234$/);
    expect(parseHederaDid(did)).toMatchObject({
      network: 'local',
      topicId: TOPIC,
      publicKeyMultibase: owner.keyPair.publicKeyMultibase,
    });
  });

  it.each([
    'did:hedera:mars:zABC_0.0.1',
    'did:hedera:testnet:z0OIl_0.0.1',
    'did:hedera:testnet:zabc',
    'did:key:z6Mk',
    `did:hedera:testnet:z${'1'.repeat(44)}_0.0.1`,
  ])('rejects the malformed identifier %s', (did) => {
    expect(() => parseHederaDid(did)).toThrow(expect.objectContaining({ code: 'HEDERA_DID_INVALID' }));
  });
});

describe('did:hedera topic replay', () => {
  it('resolves the first validly signed create, with metadata from consensus', async () => {
    const { did, create, owner } = await setup();
    const result = await replayHederaDid({ did, messages: [await create()] });
    expect(result.didResolutionMetadata.error).toBeUndefined();
    expect(result.didDocument?.verificationMethod).toEqual([
      {
        id: `${did}#did-root-key`,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: owner.keyPair.publicKeyMultibase,
      },
    ]);
    expect(result.didDocumentMetadata).toMatchObject({
      created: '2023-11-14T22:13:21.000000001Z',
      versionId: '1',
    });
  });

  it('ignores a create signed by a key other than the one in the DID, and later creates', async () => {
    const { did, create, other, message } = await setup();
    const forged = await create(other.keyPair.publicKeyMultibase, other.signer);
    const real = await create();
    const later = await message('create', {
      DIDOwner: {
        id: `${did}#did-root-key`,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: other.keyPair.publicKeyMultibase,
      },
    });
    const result = await replayHederaDid({ did, messages: [forged, real, later] });
    expect(result.didDocumentMetadata.versionId).toBe('2');
    expect(result.didDocument?.verificationMethod?.[0]?.publicKeyMultibase).not.toBe(
      other.keyPair.publicKeyMultibase,
    );
  });

  it('applies owner-signed updates and ignores updates signed by anyone else', async () => {
    const { did, create, other, message } = await setup();
    const add = (fragment: string, signer?: CredentialSigner) =>
      message(
        'update',
        {
          VerificationMethod: {
            id: `${did}#${fragment}`,
            type: 'Multikey',
            controller: did,
            publicKeyMultibase: other.keyPair.publicKeyMultibase,
          },
        },
        signer,
      );
    const messages = [await create(), await add('key-1'), await add('key-evil', other.signer)];
    const result = await replayHederaDid({ did, messages });
    expect(result.didDocument?.assertionMethod).toEqual([`${did}#did-root-key`, `${did}#key-1`]);
    const revoked = await replayHederaDid({
      did,
      messages: [...messages, await message('update', { RevokeVerificationMethod: { id: `${did}#key-1` } })],
    });
    expect(revoked.didDocument?.assertionMethod).toEqual([`${did}#did-root-key`]);
  });

  it('refuses to replace or revoke the root key through an update', async () => {
    const { did, create, other, message } = await setup();
    const result = await replayHederaDid({
      did,
      messages: [
        await create(),
        await message('update', {
          VerificationMethod: {
            id: `${did}#did-root-key`,
            type: 'Multikey',
            controller: did,
            publicKeyMultibase: other.keyPair.publicKeyMultibase,
          },
        }),
        await message('update', { RevokeVerificationMethod: { id: `${did}#did-root-key` } }),
      ],
    });
    expect(result.didDocument?.verificationMethod).toHaveLength(1);
    expect(result.didDocumentMetadata.versionId).toBe('1');
  });

  it('deactivates on an owner-signed delete and ignores everything after it', async () => {
    const { did, create, message, other } = await setup();
    const result = await replayHederaDid({
      did,
      messages: [
        await create(),
        await message('delete', { Document: { id: did } }),
        await message('update', {
          VerificationMethod: {
            id: `${did}#k`,
            type: 'Multikey',
            controller: did,
            publicKeyMultibase: other.keyPair.publicKeyMultibase,
          },
        }),
      ],
    });
    expect(result.didDocumentMetadata.deactivated).toBe(true);
    expect(result.didDocument?.verificationMethod).toBeUndefined();
  });

  it('skips garbage, oversized and foreign-DID messages on the topic', async () => {
    const { did, create, message } = await setup();
    const foreign = await message(
      'create',
      { Document: { id: 'x' } },
      undefined,
      did.replace('0.0.1234', '0.0.9'),
    );
    const messages: TopicMessage[] = [
      { sequenceNumber: 100, consensusTimestamp: '1.0', bytes: new TextEncoder().encode('not json') },
      { sequenceNumber: 101, consensusTimestamp: '1.0', bytes: new Uint8Array(5000).fill(0x7b) },
      {
        sequenceNumber: 102,
        consensusTimestamp: '1.0',
        bytes: new TextEncoder().encode('{"message":{"operation":"create"},"signature":1}'),
      },
      foreign,
      await create(),
    ];
    const result = await replayHederaDid({ did, messages });
    expect(result.didDocument?.id).toBe(did);
  });

  it('reports notFound when the topic holds no valid create', async () => {
    const { did, message } = await setup();
    const result = await replayHederaDid({
      did,
      messages: [await message('delete', { Document: { id: did } })],
    });
    expect(result.didResolutionMetadata.error).toBe('notFound');
    expect(result.didDocument).toBeNull();
  });

  it('answers invalidDid for an identifier that is not did:hedera, without reading the topic', async () => {
    const { create } = await setup();
    const result = await replayHederaDid({ did: 'did:hedera:mars:zABC_0.0.1', messages: [await create()] });
    expect(result.didResolutionMetadata.error).toBe('invalidDid');
    expect(result.didDocument).toBeNull();
  });

  it('ignores owner-signed messages that break the method rules, keeping the last valid version', async () => {
    const { did, create, other, message } = await setup();
    const vm = (over: Record<string, string>) => ({
      VerificationMethod: {
        id: `${did}#k`,
        type: 'Multikey' as const,
        controller: did,
        publicKeyMultibase: other.keyPair.publicKeyMultibase,
        ...over,
      },
    });
    const result = await replayHederaDid({
      did,
      messages: [
        // A create whose owner is not the DID's root key, then the real one.
        await message('create', {
          DIDOwner: {
            id: `${did}#did-root-key`,
            type: 'Multikey',
            controller: 'did:key:someone-else',
            publicKeyMultibase: other.keyPair.publicKeyMultibase,
          },
        }),
        await create(),
        await message('update', vm({ id: 'did:hedera:local:zX_0.0.1#k' })),
        await message('update', vm({ publicKeyMultibase: 'zQ3s-not-ed25519' })),
        await message('update', { RevokeVerificationMethod: { id: `${did}#never-added` } }),
        await message('update', { Document: { id: did } }),
        await message('delete', { Document: { id: `${did}-other` } }),
        await message('create', { Document: { id: did } }),
      ],
    });
    expect(result.didResolutionMetadata.error).toBeUndefined();
    expect(result.didDocument?.verificationMethod).toHaveLength(1);
    expect(result.didDocumentMetadata.versionId).toBe('2');
    expect(result.didDocumentMetadata.deactivated).toBeUndefined();
  });
});
