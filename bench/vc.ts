/**
 * Issue and verify throughput for W3C VCs with Data Integrity eddsa-rdfc-2022 (RDF canonicalization +
 * Ed25519), fully offline. Prints one JSON object on stdout.
 *   npm run bench:vc            (ITERATIONS=200 by default)
 */
import { performance } from 'node:perf_hooks';
import { createDidResolver } from '../identity/create-did-resolver.ts';
import type { CredentialSigner } from '../identity/credential-signer.ts';
import { createDidKey } from '../identity/did-key.ts';
import { createDocumentLoader } from '../identity/document-loader.ts';
import { issueCredential, type VerifiableCredential } from '../identity/issue-credential.ts';
import { verifyCredential } from '../identity/verify-credential.ts';

const iterations = Number(process.env.ITERATIONS ?? 200);
const documentLoader = createDocumentLoader({ resolver: createDidResolver() });
const schema = {
  type: 'object',
  required: ['id', 'merkleRoot', 'count'],
  properties: { id: { type: 'string' }, merkleRoot: { type: 'string' }, count: { type: 'integer' } },
};

const org = await createDidKey({ seed: new Uint8Array(32).fill(1) });
const signer = org.keyPair.signer() as CredentialSigner;
const issuedAt = '2025-03-01T00:00:00Z';

async function issueOne(i: number): Promise<VerifiableCredential> {
  return issueCredential({
    type: 'VerifiedReadingBatch',
    subject: {
      id: org.did,
      merkleRoot: i.toString(16).padStart(64, '0'),
      count: 100 + i,
      period: { start: '2025-02-01T00:00:00Z', end: '2025-03-01T00:00:00Z' },
      findings: { approved: 98, flagged: 2, rejected: 0 },
    },
    subjectSchema: schema,
    issuer: org.did,
    signer,
    issuedAt,
    id: `urn:uuid:00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`,
    documentLoader,
  });
}

// Warm-up: JIT and jsonld's context cache, so the figures describe steady state.
for (let i = 0; i < 10; i++) {
  await verifyCredential({ credential: await issueOne(i), documentLoader, now: issuedAt });
}

const credentials: VerifiableCredential[] = [];
let start = performance.now();
for (let i = 0; i < iterations; i++) credentials.push(await issueOne(i));
const issueMs = performance.now() - start;

start = performance.now();
let verified = 0;
for (const credential of credentials) {
  if ((await verifyCredential({ credential, documentLoader, now: issuedAt })).verified) verified++;
}
const verifyMs = performance.now() - start;

process.stdout.write(
  `${JSON.stringify({
    suite: 'eddsa-rdfc-2022',
    iterations,
    issue_ops_per_s: Math.round((iterations / issueMs) * 1000 * 10) / 10,
    verify_ops_per_s: Math.round((iterations / verifyMs) * 1000 * 10) / 10,
    issue_ms_mean: Math.round((issueMs / iterations) * 1000) / 1000,
    verify_ms_mean: Math.round((verifyMs / iterations) * 1000) / 1000,
    verified,
  })}\n`,
);
