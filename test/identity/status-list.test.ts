import { describe, expect, it } from 'vitest';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import { createDocumentLoader } from '../../identity/document-loader.ts';
import { issueCredential, type VerifiableCredential } from '../../identity/issue-credential.ts';
import {
  allocateStatusEntry,
  createStatusList,
  issueStatusListCredential,
  revokeStatus,
  type StatusListState,
} from '../../identity/status-list.ts';
import { verifyCredential } from '../../identity/verify-credential.ts';
import { actor } from './fixtures/actors.ts';
import { subjectSchemas } from './fixtures/subject-schemas.ts';

const resolver = createDidResolver();
const baseLoader = createDocumentLoader({ resolver });
const issuedAt = '2025-03-01T00:00:00Z';
const now = '2025-03-05T00:00:00Z';
const LIST_ID = 'https://mrv.example/status/org-1/1';

async function setup() {
  const org = await actor(1);
  const device = await actor(2);
  let list: StatusListState = createStatusList({ id: LIST_ID, issuer: org.did });
  const allocated = allocateStatusEntry(list);
  list = allocated.list;
  const credential = await issueCredential({
    type: 'DeviceRegistration',
    subject: { id: device.did, plantId: 'plant-1', orgId: 'org-1', registeredAt: issuedAt },
    subjectSchema: subjectSchemas.DeviceRegistration!,
    issuer: org.did,
    signer: org.signer,
    issuedAt,
    id: 'urn:uuid:reg-1',
    credentialStatus: allocated.entry,
    documentLoader: baseLoader,
  });
  return { org, list, entry: allocated.entry, credential };
}

function loaderWith(statusList: VerifiableCredential) {
  return createDocumentLoader({ resolver, documents: new Map([[statusList.id, statusList]]) });
}

describe('Bitstring Status List revocation', () => {
  it('verifies a credential whose status bit is clear', async () => {
    const { org, list, credential } = await setup();
    const statusList = await issueStatusListCredential({
      list,
      signer: org.signer,
      issuedAt,
      documentLoader: baseLoader,
    });
    expect(statusList.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    const result = await verifyCredential({ credential, documentLoader: loaderWith(statusList), now });
    expect(result).toMatchObject({ verified: true, revoked: false });
  });

  it('reports a revoked device registration as revoked and not verified', async () => {
    const { org, list, entry, credential } = await setup();
    const revoked = revokeStatus(list, entry);
    const statusList = await issueStatusListCredential({
      list: revoked,
      signer: org.signer,
      issuedAt: now,
      documentLoader: baseLoader,
    });
    const result = await verifyCredential({ credential, documentLoader: loaderWith(statusList), now });
    expect(result).toMatchObject({ verified: false, revoked: true });
    expect(result.errors.join()).toMatch(/revoked/);
  });

  it('leaves other credentials on the same list valid', async () => {
    const { org, list } = await setup();
    const second = allocateStatusEntry(list);
    const credential = await issueCredential({
      type: 'DeviceRegistration',
      subject: { id: org.did, plantId: 'plant-2', orgId: 'org-1', registeredAt: issuedAt },
      subjectSchema: subjectSchemas.DeviceRegistration!,
      issuer: org.did,
      signer: org.signer,
      issuedAt,
      id: 'urn:uuid:reg-2',
      credentialStatus: second.entry,
      documentLoader: baseLoader,
    });
    const firstEntry = { ...second.entry, id: `${LIST_ID}#0`, statusListIndex: '0' };
    const statusList = await issueStatusListCredential({
      list: revokeStatus(second.list, firstEntry),
      signer: org.signer,
      issuedAt,
      documentLoader: baseLoader,
    });
    expect(
      (await verifyCredential({ credential, documentLoader: loaderWith(statusList), now })).verified,
    ).toBe(true);
  });

  it('fails closed when the status list cannot be loaded', async () => {
    const { credential } = await setup();
    const result = await verifyCredential({ credential, documentLoader: baseLoader, now });
    expect(result.verified).toBe(false);
    expect(result.errors.join()).toMatch(/Could not load/);
  });

  it('rejects a status list that was tampered with (bits cleared)', async () => {
    const { org, list, entry, credential } = await setup();
    const statusList = await issueStatusListCredential({
      list: revokeStatus(list, entry),
      signer: org.signer,
      issuedAt,
      documentLoader: baseLoader,
    });
    const clean = await issueStatusListCredential({
      list,
      signer: org.signer,
      issuedAt,
      documentLoader: baseLoader,
    });
    const forged = structuredClone(statusList);
    (forged.credentialSubject as { encodedList: string }).encodedList = String(
      clean.credentialSubject.encodedList,
    );
    const result = await verifyCredential({ credential, documentLoader: loaderWith(forged), now });
    expect(result.verified).toBe(false);
    expect(result.revoked).toBe(false);
  });

  it('rejects a status list signed by another issuer', async () => {
    const { list, credential } = await setup();
    const stranger = await actor(9);
    const statusList = await issueStatusListCredential({
      list: { ...list, issuer: stranger.did },
      signer: stranger.signer,
      issuedAt,
      documentLoader: baseLoader,
    });
    const result = await verifyCredential({ credential, documentLoader: loaderWith(statusList), now });
    expect(result.verified).toBe(false);
    expect(result.errors.join()).toMatch(
      /Issuers of the status list credential and verifiable credential do not match/,
    );
  });

  it('refuses to revoke an index that was never allocated or belongs to another list', async () => {
    const { list, entry } = await setup();
    expect(() => revokeStatus(list, { ...entry, statusListIndex: '5' })).toThrow(/never allocated/);
    expect(() => revokeStatus(list, { ...entry, statusListIndex: '-1' })).toThrow(/never allocated/);
    expect(() => revokeStatus(list, { ...entry, statusListCredential: 'https://other/list' })).toThrow(
      /belongs to/,
    );
  });

  it('reports a full list instead of reusing an index', () => {
    let list = createStatusList({ id: LIST_ID, issuer: 'did:key:x', length: 8 });
    for (let i = 0; i < 8; i++) list = allocateStatusEntry(list).list;
    expect(() => allocateStatusEntry(list)).toThrow(expect.objectContaining({ code: 'STATUS_LIST_FULL' }));
    expect(() => createStatusList({ id: LIST_ID, issuer: 'x', length: 7 })).toThrow(/multiple of 8/);
  });

  it('revokes once (again is a no-op), and refuses entries of another list, unallocated indexes and foreign signers', async () => {
    const { list, entry } = await setup();
    const revoked = revokeStatus(list, entry);
    expect(revokeStatus(revoked, entry)).toBe(revoked);
    expect(() => revokeStatus(list, { ...entry, statusListCredential: `${LIST_ID}-other` })).toThrow(
      expect.objectContaining({ code: 'STATUS_LIST_INVALID' }),
    );
    expect(() => revokeStatus(list, { ...entry, statusListIndex: String(list.nextIndex) })).toThrow(
      expect.objectContaining({ code: 'STATUS_LIST_INVALID' }),
    );
    const other = await actor(3);
    await expect(
      issueStatusListCredential({ list, signer: other.signer, issuedAt, documentLoader: baseLoader }),
    ).rejects.toMatchObject({ code: 'CREDENTIAL_INVALID' });
  });
});
