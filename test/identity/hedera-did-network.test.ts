import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import { createDocumentLoader } from '../../identity/document-loader.ts';
import {
  createHederaDid,
  deactivateHederaDid,
  updateHederaDid,
} from '../../identity/hedera-did-registrar.ts';
import { getHederaDidResolver } from '../../identity/hedera-did-resolver.ts';
import { issueCredential } from '../../identity/issue-credential.ts';
import { createSdkDidTopicWriter } from '../../identity/sdk-did-topic-writer.ts';
import { verifyCredential } from '../../identity/verify-credential.ts';
import { actor } from './fixtures/actors.ts';
import { type LocalHedera, startLocalHedera } from './fixtures/local-hedera.ts';
import { subjectSchemas } from './fixtures/subject-schemas.ts';

let hedera: LocalHedera;
beforeAll(async () => {
  hedera = await startLocalHedera();
});
afterAll(async () => {
  await hedera?.close();
});

const timestamp = '2025-03-01T00:00:00Z';

function resolverFor() {
  return createDidResolver(getHederaDidResolver({ mirrorUrl: hedera.network.mirrorRestUrl, fetch }));
}

describe('did:hedera against the local network', () => {
  it('creates, resolves, updates and deactivates a DID through HCS and the mirror node', async () => {
    const owner = await actor(31);
    const extra = await actor(32);
    const topics = createSdkDidTopicWriter({ client: hedera.client, submitKey: hedera.operatorKey });
    const created = await createHederaDid({
      network: 'local',
      publicKeyMultibase: owner.keyPair.publicKeyMultibase,
      signer: owner.signer,
      topics,
      timestamp,
    });
    expect(created.did).toBe(`did:hedera:local:${created.did.split(':')[3]}`);
    expect(created.sequenceNumber).toBe(1);
    const resolver = resolverFor();

    const first = await resolver.resolve(created.did);
    expect(first.didResolutionMetadata.error).toBeUndefined();
    expect(first.didDocument?.verificationMethod?.map((m) => m.id)).toEqual([`${created.did}#did-root-key`]);

    await updateHederaDid({
      did: created.did,
      change: {
        addVerificationMethod: { fragment: 'key-1', publicKeyMultibase: extra.keyPair.publicKeyMultibase },
      },
      signer: owner.signer,
      topics,
      timestamp,
    });
    // An update signed by another key reaches the topic (the submit key is the operator's) but is ignored.
    await updateHederaDid({
      did: created.did,
      change: {
        addVerificationMethod: { fragment: 'evil', publicKeyMultibase: extra.keyPair.publicKeyMultibase },
      },
      signer: extra.signer,
      topics,
      timestamp,
    });
    const updated = await resolver.resolve(created.did);
    expect(updated.didDocument?.assertionMethod).toEqual([
      `${created.did}#did-root-key`,
      `${created.did}#key-1`,
    ]);
    expect(updated.didDocumentMetadata.versionId).toBe('2');

    // A credential signed by the DID's added key verifies through mirror-node resolution.
    const documentLoader = createDocumentLoader({ resolver });
    const credential = await issueCredential({
      type: 'DeviceRegistration',
      subject: { id: owner.did, plantId: 'p', orgId: 'org-h', registeredAt: timestamp },
      subjectSchema: subjectSchemas.DeviceRegistration!,
      issuer: created.did,
      signer: { ...extra.signer, id: `${created.did}#key-1`, sign: extra.signer.sign.bind(extra.signer) },
      issuedAt: timestamp,
      id: 'urn:uuid:hedera-1',
      documentLoader,
    });
    expect((await verifyCredential({ credential, documentLoader, now: timestamp })).verified).toBe(true);

    await deactivateHederaDid({ did: created.did, signer: owner.signer, topics, timestamp });
    const gone = await resolver.resolve(created.did);
    expect(gone.didDocumentMetadata.deactivated).toBe(true);
    const after = await verifyCredential({
      credential,
      documentLoader: createDocumentLoader({ resolver }),
      now: timestamp,
    });
    expect(after.verified).toBe(false);
  });

  it('reports notFound for a DID whose topic holds no create message', async () => {
    const owner = await actor(33);
    const topics = createSdkDidTopicWriter({ client: hedera.client, submitKey: hedera.operatorKey });
    const { topicId } = await topics.createTopic({ memo: 'empty', idempotencyKey: 'empty' });
    const { formatHederaDid, ed25519FromMultibase } = await import('../../identity/hedera-did.ts');
    const did = formatHederaDid({
      network: 'local',
      publicKey: ed25519FromMultibase(owner.keyPair.publicKeyMultibase),
      topicId,
    });
    const result = await resolverFor().resolve(did);
    expect(result.didResolutionMetadata.error).toBe('notFound');
  });

  it('reports notFound, naming the mirror status, while the mirror node is down', async () => {
    const owner = await actor(34);
    const topics = createSdkDidTopicWriter({ client: hedera.client, submitKey: hedera.operatorKey });
    const { did } = await createHederaDid({
      network: 'local',
      publicKeyMultibase: owner.keyPair.publicKeyMultibase,
      signer: owner.signer,
      topics,
      timestamp,
    });
    const from = Date.now();
    hedera.network.setFaults({ mirrorOutages: [{ fromMs: from, toMs: from + 60_000 }] });
    try {
      const result = await resolverFor().resolve(did);
      expect(result.didDocument).toBeNull();
      expect(result.didResolutionMetadata).toMatchObject({
        error: 'notFound',
        message: expect.stringMatching(/503/),
      });
    } finally {
      hedera.network.setFaults({});
    }
    expect((await resolverFor().resolve(did)).didDocument?.id).toBe(did);
  });
});
