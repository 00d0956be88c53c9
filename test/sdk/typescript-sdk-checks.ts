import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import canonicalize from 'canonicalize';
import { expect } from 'vitest';
import {
  MrvClient,
  ProblemError,
  signTelemetry,
  type TelemetryDocument,
  TelemetryDocumentError,
  verifyTelemetry,
} from '../../sdk/typescript/src/index.ts';

const testdata = (name: string) =>
  JSON.parse(readFileSync(join(process.env.MRV_TESTDATA ?? 'sdk/testdata', `${name}.json`), 'utf8'));

function unsigned(did: string, seq: number): TelemetryDocument {
  return {
    schema_version: '1.0.0',
    device_id: did,
    seq,
    timestamp: new Date(Date.UTC(2026, 2, 1) + seq * 900_000).toISOString().replace('.000Z', 'Z'),
    interval_s: 900,
    readings: [
      { sensor_id: 'gen_01', type: 'energy', value: 120.5, unit: 'kWh' },
      { sensor_id: 'exp_01', type: 'energy_export', value: 118.2, unit: 'kWh' },
    ],
  };
}

/** The TypeScript SDK's checks (run by test/sdk/sdk-live.test.ts against its live server). */
export async function runTypeScriptSdkChecks(env: Record<string, string>): Promise<void> {
  // JCS: the RFC 8785 vectors, through the library the SDK signs with.
  for (const v of testdata('jcs-rfc8785')) expect(canonicalize(JSON.parse(v.input)), v.name).toBe(v.expected);
  // Our own signer: the engine's signatures are reproduced byte for byte and verify.
  const vectors = testdata('telemetry-signing');
  for (const c of vectors.cases) {
    expect(verifyTelemetry(c.document)).toBe(true);
    expect(signTelemetry(c.document, vectors.seed_hex).signature).toBe(c.document.signature);
    expect(verifyTelemetry({ ...c.document, seq: c.document.seq + 1 })).toBe(false);
  }
  for (const bad of testdata('not-telemetry-v1')) {
    expect(() => signTelemetry(bad.document, vectors.seed_hex), bad.name).toThrow(TelemetryDocumentError);
  }

  const jwk = JSON.parse(env.MRV_TS_DEVICE_JWK!);
  const did = env.MRV_TS_DEVICE_DID!;
  const admin = new MrvClient({ baseUrl: env.MRV_API_URL!, apiKey: env.MRV_ADMIN_KEY! });
  expect(inspect(admin)).not.toContain(env.MRV_ADMIN_KEY!);
  expect(JSON.stringify(admin)).not.toContain(env.MRV_ADMIN_KEY!);

  // OAuth client credentials: a token is fetched, then used.
  const gateway = new MrvClient({
    baseUrl: env.MRV_API_URL!,
    clientCredentials: { clientId: env.MRV_GATEWAY_PREFIX!, clientSecret: env.MRV_GATEWAY_KEY! },
  });
  const org = await MrvClient.unwrap(await gateway.api.GET('/v1/organization'));
  expect(org.credential.kind).toBe('access_token');

  // Batching: 7 documents in batches of 3 → three POSTs, outcomes in order; a repeat is all duplicates.
  const docs = Array.from({ length: 7 }, (_, i) => signTelemetry(unsigned(did, 100 + i), jwk));
  const first = await gateway.submitTelemetry(docs, { batchSize: 3 });
  expect(first).toMatchObject({ accepted: 7, duplicates: 0, rejected: 0 });
  expect(first.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect((await gateway.submitTelemetry(docs)).duplicates).toBe(7);

  // Refused before any request: the client points at a closed port, so a request would fail differently.
  const offline = new MrvClient({
    baseUrl: 'http://127.0.0.1:9',
    apiKey: 'mrv_live_x',
    retry: { maxAttempts: 1 },
  });
  for (const bad of testdata('not-telemetry-v1')) {
    await expect(offline.submitTelemetry([bad.document]), bad.name).rejects.toThrow(TelemetryDocumentError);
  }

  // Pagination: pages of 2 over the device's 7 readings.
  const seen: string[] = [];
  for await (const r of admin.readings({ device_id: env.MRV_TS_DEVICE_ID!, limit: 2 })) seen.push(r.id);
  expect(seen.length).toBe(7);
  expect(new Set(seen).size).toBe(7);

  // Typed problems carry the server's detail and field errors.
  const missing = await admin.api.GET('/v1/readings/{readingId}', {
    params: { path: { readingId: 'rdg_0000000000000000000000' } },
  });
  const notFound = await MrvClient.unwrap(missing).catch((e: unknown) => e);
  expect(notFound).toBeInstanceOf(ProblemError);
  expect(notFound).toMatchObject({ status: 404, code: 'NOT_FOUND', type: 'urn:mrv:problem:not-found' });
  const invalid = await MrvClient.unwrap(
    await admin.api.POST('/v1/api-keys', { body: { name: '', scopes: [] } as never }),
  ).catch((e: unknown) => e as ProblemError);
  expect(invalid).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  expect((invalid as ProblemError).errors.map((e) => e.pointer)).toEqual(
    expect.arrayContaining(['/name', '/scopes']),
  );
  expect((invalid as ProblemError).detail).toMatch(/failed validation/);

  // A hostile network: 429 + Retry-After on each first GET, the answer of each first POST lost after
  // the server acted. Every call still succeeds once, with no submission stored twice.
  const viaFlaky = new MrvClient({
    baseUrl: env.MRV_FLAKY_URL!,
    apiKey: env.MRV_GATEWAY_KEY!,
    retry: { baseDelayMs: 50 },
  });
  const more = Array.from({ length: 3 }, (_, i) => signTelemetry(unsigned(did, 200 + i), jwk));
  const flakySubmit = await viaFlaky.submitTelemetry(more);
  expect(flakySubmit).toMatchObject({ accepted: 3, duplicates: 0 });
  const started = Date.now();
  const page = await MrvClient.unwrap(
    await viaFlaky.api.GET('/v1/readings', {
      params: { query: { device_id: env.MRV_TS_DEVICE_ID!, limit: 50 } },
    }),
  );
  expect(Date.now() - started).toBeGreaterThanOrEqual(900); // Retry-After: 1 was honoured
  expect(page.data.length).toBe(10);
}
