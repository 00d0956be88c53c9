import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as vc from '@digitalbazaar/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import { createDocumentLoader } from '../../identity/document-loader.ts';
import { issueCredential, type VerifiableCredential } from '../../identity/issue-credential.ts';
import { issuePresentation } from '../../identity/issue-presentation.ts';
import { verifyCredential } from '../../identity/verify-credential.ts';
import { verifyPresentation } from '../../identity/verify-presentation.ts';
import { actor } from './fixtures/actors.ts';
import { forbidNetwork } from './fixtures/offline.ts';
import { subjectSchemas } from './fixtures/subject-schemas.ts';

const documentLoader = createDocumentLoader({ resolver: createDidResolver() });
const issuedAt = '2025-03-01T00:00:00Z';
const now = '2025-03-02T00:00:00Z';
let restoreNetwork: () => void;
beforeAll(() => {
  restoreNetwork = forbidNetwork();
});
afterAll(() => restoreNetwork());

async function deviceRegistration(extra: { validUntil?: string } = {}) {
  const org = await actor(1);
  const device = await actor(2);
  const credential = await issueCredential({
    type: 'DeviceRegistration',
    subject: { id: device.did, plantId: 'plant-1', orgId: 'org-1', registeredAt: issuedAt },
    subjectSchema: subjectSchemas.DeviceRegistration!,
    issuer: org.did,
    signer: org.signer,
    issuedAt,
    id: 'urn:uuid:6f1c1a4e-0000-4000-8000-000000000001',
    documentLoader,
    ...extra,
  });
  return { org, device, credential };
}

/** Issues a registration of org 1 for itself, with one option replaced. */
const issueWith = async (override: Partial<Parameters<typeof issueCredential>[0]>) => {
  const org = await actor(1);
  return issueCredential({
    type: 'DeviceRegistration',
    subject: { id: org.did, plantId: 'p', orgId: 'o', registeredAt: issuedAt },
    subjectSchema: subjectSchemas.DeviceRegistration!,
    issuer: org.did,
    signer: org.signer,
    issuedAt,
    id: 'urn:uuid:1',
    documentLoader,
    ...override,
  } as Parameters<typeof issueCredential>[0]);
};

describe('verifiable credentials (eddsa-rdfc-2022, VC 2.0)', () => {
  it('issues a DeviceRegistration credential that verifies offline', async () => {
    const { credential } = await deviceRegistration();
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      { '@vocab': 'urn:hydro-mrv:vocab#' },
    ]);
    expect(credential.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: issuedAt,
    });
    const result = await verifyCredential({ credential, documentLoader, now, subjectSchemas });
    expect(result).toEqual({ verified: true, type: 'DeviceRegistration', revoked: false, errors: [] });
  });

  it('is deterministic for the same inputs (time and ids are arguments)', async () => {
    const a = await deviceRegistration();
    const b = await deviceRegistration();
    expect(JSON.stringify(a.credential)).toBe(JSON.stringify(b.credential));
  });

  it.each([
    ['a subject field', (c: VerifiableCredential) => (c.credentialSubject.plantId = 'plant-2')],
    ['the subject id', (c: VerifiableCredential) => (c.credentialSubject.id = c.issuer)],
    [
      'the issuer',
      (c: VerifiableCredential) => (c.issuer = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'),
    ],
    ['validFrom', (c: VerifiableCredential) => (c.validFrom = '2025-02-01T00:00:00Z')],
    [
      'the credential id',
      (c: VerifiableCredential) => (c.id = 'urn:uuid:6f1c1a4e-0000-4000-8000-000000000002'),
    ],
    ['the type', (c: VerifiableCredential) => (c.type = ['VerifiableCredential', 'MonitoringReport'])],
    [
      'the proof value',
      (c: VerifiableCredential) => (c.proof.proofValue = `${String(c.proof.proofValue).slice(0, -2)}zz`),
    ],
    ['the proof created date', (c: VerifiableCredential) => (c.proof.created = '2025-03-01T00:00:01Z')],
    [
      'the verification method',
      (c: VerifiableCredential) =>
        (c.proof.verificationMethod = `${c.credentialSubject.id}#${String(c.credentialSubject.id).slice(8)}`),
    ],
    ['an added subject field', (c: VerifiableCredential) => (c.credentialSubject.meterSerial = 'X-1')],
  ])('fails verification when %s is changed', async (_name, tamper) => {
    const { credential } = await deviceRegistration();
    const copy = structuredClone(credential);
    tamper(copy);
    const result = await verifyCredential({ credential: copy, documentLoader, now });
    expect(result.verified).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('refuses to sign a subject that does not match the schema', async () => {
    await expect(
      issueWith({ subject: { id: 'did:key:x', plantId: '', orgId: 'o', registeredAt: 'yesterday' } }),
    ).rejects.toMatchObject({ code: 'SUBJECT_INVALID' });
  });

  it.each([
    ['a JSON-LD keyword', { id: 'did:key:x', '@context': 'https://evil.example/ctx' }],
    ['a nested JSON-LD keyword', { id: 'did:key:x', nested: { '@id': 'x' } }],
    ['an oversized subject', { id: 'did:key:x', blob: 'a'.repeat(300 * 1024) }],
  ])('refuses %s in the subject', async (_name, subject) => {
    await expect(issueWith({ subject, subjectSchema: { type: 'object' } })).rejects.toMatchObject({
      code: 'SUBJECT_INVALID',
    });
  });

  it('reports a schema violation on verification when schemas are given', async () => {
    const { credential } = await deviceRegistration();
    const strict = {
      ...subjectSchemas,
      DeviceRegistration: { ...subjectSchemas.DeviceRegistration, required: ['id', 'meterSerial'] },
    };
    const result = await verifyCredential({ credential, documentLoader, now, subjectSchemas: strict });
    expect(result.verified).toBe(false);
    expect(result.errors.join()).toMatch(/meterSerial/);
  });

  it('rejects a credential used before its validFrom date', async () => {
    const { credential } = await deviceRegistration();
    const result = await verifyCredential({ credential, documentLoader, now: '2025-01-01T00:00:00Z' });
    expect(result.verified).toBe(false);
  });

  it('verifies a credential until its validUntil date and rejects it after', async () => {
    const { credential } = await deviceRegistration({ validUntil: '2025-06-01T00:00:00Z' });
    expect(credential.validUntil).toBe('2025-06-01T00:00:00Z');
    expect((await verifyCredential({ credential, documentLoader, now })).verified).toBe(true);
    const late = await verifyCredential({ credential, documentLoader, now: '2025-07-01T00:00:00Z' });
    expect(late.verified).toBe(false);
  });

  it.each([
    [
      'a signer that belongs to another DID than the issuer',
      async () => ({ signer: (await actor(3)).signer }),
    ],
    ['an unknown credential type', async () => ({ type: 'Diploma' })],
    ['an issuance date that is no date', async () => ({ issuedAt: 'last tuesday' })],
  ])('refuses to issue with %s', async (_name, override) => {
    await expect(issueWith((await override()) as never)).rejects.toMatchObject({
      code: 'CREDENTIAL_INVALID',
    });
  });

  it('reports a signer that fails (a key store that is down) as CREDENTIAL_INVALID with the cause', async () => {
    const org = await actor(1);
    const down = {
      ...org.signer,
      id: org.signer.id,
      sign: () => Promise.reject(new Error('key store unreachable')),
    };
    const error = await issueWith({ signer: down }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'CREDENTIAL_INVALID' });
    expect((error as Error).message).toContain('key store unreachable');
  });

  it.each([null, 42, 'text', [], {}, { '@context': 'https://www.w3.org/ns/credentials/v2' }])(
    'rejects malformed input %j without throwing',
    async (credential) => {
      const result = await verifyCredential({ credential, documentLoader, now });
      expect(result.verified).toBe(false);
    },
  );

  it('also verifies an Ed25519Signature2020 credential', async () => {
    const org = await actor(1);
    const credential = await vc.issue({
      credential: {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://w3id.org/security/suites/ed25519-2020/v1',
          { '@vocab': 'urn:hydro-mrv:vocab#' },
        ],
        id: 'urn:uuid:2020',
        type: ['VerifiableCredential', 'DeviceRegistration'],
        issuer: org.did,
        validFrom: issuedAt,
        credentialSubject: { id: 'did:example:device', plantId: 'p' },
      },
      suite: new Ed25519Signature2020({ signer: org.signer, date: issuedAt }),
      documentLoader,
      now: issuedAt,
    });
    expect((credential.proof as { type: string }).type).toBe('Ed25519Signature2020');
    expect((await verifyCredential({ credential, documentLoader, now })).verified).toBe(true);
    (credential.credentialSubject as { plantId: string }).plantId = 'q';
    expect((await verifyCredential({ credential, documentLoader, now })).verified).toBe(false);
  });
});

describe('offline document loading', () => {
  it('fails closed for a context URL that is not bundled', async () => {
    await expect(documentLoader('https://example.com/contexts/v1')).rejects.toMatchObject({
      code: 'DOCUMENT_NOT_BUNDLED',
    });
  });

  it('rejects a credential whose context is not bundled, without any network access', async () => {
    const { credential } = await deviceRegistration();
    const copy = structuredClone(credential);
    copy['@context'] = ['https://www.w3.org/ns/credentials/v2', 'https://attacker.example/ctx.jsonld'];
    const result = await verifyCredential({ credential: copy, documentLoader, now });
    expect(result.verified).toBe(false);
    expect(result.errors.join()).toMatch(/Dereferencing a URL did not result in a valid JSON-LD object/);
  });

  it('throws on any network access during tests', async () => {
    await expect(fetch('https://www.w3.org/ns/credentials/v2')).rejects.toThrow(/network access during test/);
  });

  it('resolves did:key documents with Multikey verification methods', async () => {
    const org = await actor(1);
    const { document } = await documentLoader(org.verificationMethod);
    expect(document).toMatchObject({ type: 'Multikey', controller: org.did });
  });

  it('refuses an unsupported or malformed DID', async () => {
    await expect(documentLoader('did:web:example.com')).rejects.toMatchObject({ code: 'DID_NOT_FOUND' });
    await expect(documentLoader('did:key:zNotAKey')).rejects.toMatchObject({ code: 'DID_NOT_FOUND' });
  });
});

describe('verifiable presentations', () => {
  it('bundles credentials in a holder-signed presentation that verifies with the right challenge only', async () => {
    const { org, credential } = await deviceRegistration();
    const vp = await issuePresentation({
      credentials: [credential],
      holder: org.did,
      signer: org.signer,
      id: 'urn:uuid:vp-1',
      createdAt: issuedAt,
      challenge: 'mint:0.0.1001:2025-02',
      documentLoader,
    });
    const ok = await verifyPresentation({
      presentation: vp,
      challenge: 'mint:0.0.1001:2025-02',
      documentLoader,
      now,
      subjectSchemas,
    });
    expect(ok).toMatchObject({ verified: true, errors: [] });
    const wrong = await verifyPresentation({
      presentation: vp,
      challenge: 'mint:0.0.1001:2025-03',
      documentLoader,
      now,
    });
    expect(wrong.verified).toBe(false);
    const tampered = structuredClone(vp);
    (tampered.verifiableCredential[0]!.credentialSubject as { plantId: string }).plantId = 'x';
    const bad = await verifyPresentation({
      presentation: tampered,
      challenge: 'mint:0.0.1001:2025-02',
      documentLoader,
      now,
    });
    expect(bad.verified).toBe(false);
  });
});

describe('malformed input to issuing and verifying', () => {
  it('refuses a presentation signer of another DID, and a presentation that is no object', async () => {
    const org = await actor(1);
    const other = await actor(3);
    await expect(
      issuePresentation({
        credentials: [],
        holder: org.did,
        signer: other.signer,
        id: 'urn:uuid:vp-2',
        createdAt: issuedAt,
        challenge: 'c',
        documentLoader,
      }),
    ).rejects.toMatchObject({ code: 'CREDENTIAL_INVALID' });
    for (const presentation of [null, 'vp', [1]]) {
      const result = await verifyPresentation({ presentation, challenge: 'c', documentLoader, now });
      expect(result).toMatchObject({ verified: false, errors: ['presentation is not a JSON object'] });
    }
  });

  it('reports a presentation signer that fails as CREDENTIAL_INVALID', async () => {
    const org = await actor(1);
    const down = { ...org.signer, id: org.signer.id, sign: () => Promise.reject(new Error('HSM offline')) };
    await expect(
      issuePresentation({
        credentials: [],
        holder: org.did,
        signer: down,
        id: 'urn:uuid:vp-3',
        createdAt: issuedAt,
        challenge: 'c',
        documentLoader,
      }),
    ).rejects.toMatchObject({ code: 'CREDENTIAL_INVALID', message: expect.stringContaining('HSM offline') });
  });

  it('fails a credential of a type it has no subject schema for', async () => {
    const { credential } = await deviceRegistration();
    const result = await verifyCredential({ credential, documentLoader, now, subjectSchemas: {} });
    expect(result.verified).toBe(false);
    expect(result.errors).toContain('no subject schema for credential type DeviceRegistration');
  });

  it('refuses a subject that is no object and a subject schema that does not compile', async () => {
    await expect(
      issueWith({ subject: [] as never, subjectSchema: { type: 'object' } }),
    ).rejects.toMatchObject({
      code: 'SUBJECT_INVALID',
    });
    await expect(issueWith({ subjectSchema: { type: 'no-such-type' } })).rejects.toMatchObject({
      code: 'SUBJECT_INVALID',
      message: 'credential subject schema does not compile',
    });
  });

  it('loads only string URLs, and only verification methods the DID document has', async () => {
    const org = await actor(1);
    await expect(documentLoader(42 as unknown as string)).rejects.toMatchObject({
      code: 'DOCUMENT_NOT_BUNDLED',
    });
    await expect(documentLoader(`${org.did}#not-a-key`)).rejects.toMatchObject({ code: 'DID_NOT_FOUND' });
  });
});
