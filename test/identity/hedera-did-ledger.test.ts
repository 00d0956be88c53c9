import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import { createHederaDid, updateHederaDid } from '../../identity/hedera-did-registrar.ts';
import { getHederaDidResolver } from '../../identity/hedera-did-resolver.ts';
import { createLedgerDidTopicWriter } from '../../identity/ledger-did-topic-writer.ts';
import { fetchTopicMessages } from '../../identity/mirror-topic-messages.ts';
import { type LedgerFixture, startLedgerFixture } from '../ledger/adapter/ledger-fixture.ts';
import { actor } from './fixtures/actors.ts';

let fixture: LedgerFixture;
beforeAll(async () => {
  fixture = await startLedgerFixture({ prefix: 'identity_did_ledger' });
});
afterAll(async () => {
  await fixture?.close();
});

describe('did:hedera through the exactly-once ledger adapter', () => {
  it('publishes each DID operation once, even when the registrar is re-run after a crash', async () => {
    const owner = await actor(51);
    const extra = await actor(52);
    const topics = createLedgerDidTopicWriter({ ledger: fixture.ledger, orgId: 'org-did' });
    const input = {
      network: 'local' as const,
      publicKeyMultibase: owner.keyPair.publicKeyMultibase,
      signer: owner.signer,
      topics,
      timestamp: '2025-03-01T00:00:00Z',
    };
    const first = await createHederaDid(input);
    // A retry of the whole step (say, the worker died before recording the result) changes nothing.
    const again = await createHederaDid({
      ...input,
      topics: createLedgerDidTopicWriter({ ledger: fixture.newLedger(), orgId: 'org-did' }),
    });
    expect(again).toEqual(first);
    const change = {
      addVerificationMethod: { fragment: 'key-1', publicKeyMultibase: extra.keyPair.publicKeyMultibase },
    };
    await updateHederaDid({
      did: first.did,
      change,
      signer: owner.signer,
      topics,
      timestamp: input.timestamp,
    });
    await updateHederaDid({
      did: first.did,
      change,
      signer: owner.signer,
      topics,
      timestamp: input.timestamp,
    });

    const mirrorUrl = fixture.network.mirrorRestUrl;
    const onTopic = await fetchTopicMessages({ mirrorUrl, topicId: first.topicId, fetch });
    expect(onTopic).toHaveLength(2);
    const resolved = await createDidResolver(getHederaDidResolver({ mirrorUrl, fetch })).resolve(first.did);
    expect(resolved.didDocument?.assertionMethod).toEqual([
      `${first.did}#did-root-key`,
      `${first.did}#key-1`,
    ]);
  });
});
