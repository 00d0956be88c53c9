import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusOf } from '../../../api/errors.ts';
import { apiErrorOfPki } from '../../../api/pki/pki-api-error.ts';
import { metricsRegistry } from '../../../observability/metrics.ts';
import { issueGatewayCertificate } from '../../../pki/issuing-ca.ts';
import { PkiError } from '../../../pki/pki-error.ts';
import { x509 } from '../../../pki/x509-provider.ts';
import { issueTenantScope } from '../../../store/tenant-scope.ts';
import { createKey } from '../support/api-harness.ts';
import { telemetry } from '../support/fixtures.ts';
import { enrollCertificate, type Instance, setUpGateway, startMtlsHarness } from './mtls-harness.ts';
import { gatewayKey, leafCertificate, mtlsCall, refused, rogueCa } from './pki-fixtures.ts';

let h: Awaited<ReturnType<typeof startMtlsHarness>>;
let inst: Instance;
let g: Awaited<ReturnType<typeof setUpGateway>>;
let cert: Awaited<ReturnType<typeof enrollCertificate>>;

beforeAll(async () => {
  h = await startMtlsHarness('pki_mtls');
  inst = await h.instance({ handshakeTimeoutMs: 500 });
  g = await setUpGateway(inst.app, { devices: 2, onGateway: 1 });
  cert = await enrollCertificate(inst.app, g, { token: g.token });
  await inst.pki.refreshNow();
}, 60_000);
afterAll(async () => await h?.close());

/** A certificate request for the first device's gateway key, issued straight by the CA. */
async function certificateRequest(
  key: Awaited<ReturnType<typeof gatewayKey>>,
  window: { notBefore?: Date; notAfter: Date },
) {
  const spki = await globalThis.crypto.subtle.exportKey('spki', key.keys.publicKey);
  return {
    gatewayId: g.gatewayId,
    publicKey: new x509.PublicKey(Buffer.from(spki)),
    deviceDids: [g.devices[0]!.did],
    ...window,
  };
}

const send = (
  client: { keyPem: string; certPem: string } | undefined,
  path = '/v1/telemetry',
  body?: unknown,
  headers?: Record<string, string>,
) =>
  mtlsCall(inst.listener.url, h.serverCertPem, client, body === undefined ? 'GET' : 'POST', path, {
    body,
    headers,
  });

async function handshakes(outcome: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('mrv_mtls_handshakes_total')!.get();
  return metric.values
    .filter((v) => (outcome === 'refused' ? v.labels.outcome !== 'accepted' : v.labels.outcome === outcome))
    .reduce((sum, v) => sum + v.value, 0);
}

/** The listener still serves a good client (after each refusal). */
async function stillServing() {
  const res = await send(cert, '/v1/pki/certificates');
  expect(res.status).toBe(403); // authenticated as the gateway, which may only submit telemetry
}

describe('mTLS listener', () => {
  it('accepts a gateway certificate alone as principal client_certificate, for its listed devices only', async () => {
    const ok = await send(cert, '/v1/telemetry', telemetry(g.devices[0]!, 1));
    expect(ok.status, JSON.stringify(ok.json)).toBe(202);
    const unlisted = await send(cert, '/v1/telemetry', telemetry(g.devices[1]!, 1));
    expect(unlisted.status).toBe(404);
    expect(unlisted.json.detail).toContain('does not list this device');
    const batch = await send(cert, '/v1/telemetry', {
      documents: [telemetry(g.devices[0]!, 2), telemetry(g.devices[1]!, 2)],
    });
    expect(batch.status).toBe(202);
    expect(batch.json).toMatchObject({ accepted: 1, rejected: 1 });
    await stillServing();
  });

  it('works with Ed25519 gateway keys too', async () => {
    const ed = await enrollCertificate(inst.app, g, { kind: 'ed25519' });
    expect((await send(ed, '/v1/telemetry', telemetry(g.devices[0]!, 3))).status).toBe(202);
  });

  it('accepts an API key of the same organization beside the certificate, refuses another organization', async () => {
    const same = await createKey(inst.app, g.org.key, ['telemetry:write']);
    const res = await send(cert, '/v1/telemetry', telemetry(g.devices[0]!, 4), {
      authorization: `Bearer ${same.key}`,
    });
    expect(res.status).toBe(202);
    // Even with the organization's own key, the certificate still limits the devices.
    const unlisted = await send(cert, '/v1/telemetry', telemetry(g.devices[1]!, 4), {
      authorization: `Bearer ${same.key}`,
    });
    expect(unlisted.status).toBe(404);
    const other = await setUpGateway(inst.app, { devices: 1 });
    const foreign = await send(cert, '/v1/telemetry', telemetry(g.devices[0]!, 5), {
      authorization: `Bearer ${other.org.key}`,
    });
    expect(foreign.status).toBe(401);
    expect(foreign.json.detail).toContain('another organization');
  });

  it('closes the connection of a client without certificate, self-signed, or of an unknown CA', async () => {
    const before = await handshakes('no_certificate');
    expect(await refused(send(undefined, '/v1/pki/certificates'))).toBe(true);
    expect(await handshakes('no_certificate')).toBe(before + 1);
    const refusals = await handshakes('refused');
    const self = await rogueCa(`CN=${g.gatewayId}, O=${g.org.orgId}`);
    const selfLeaf = { keyPem: self.key.keyPem, certPem: self.cert.toString('pem') };
    expect(await refused(send(selfLeaf, '/v1/telemetry', telemetry(g.devices[0]!, 6)))).toBe(true);
    // A rogue CA with the very name of the organization's CA: the chain does not verify.
    const impostor = await rogueCa(`CN=MRV gateway CA ${g.org.orgId}, O=${g.org.orgId}`);
    const leafKey = await gatewayKey();
    const forged = {
      keyPem: leafKey.keyPem,
      certPem: await leafCertificate(impostor, leafKey, { subject: `CN=${g.gatewayId}, O=${g.org.orgId}` }),
    };
    expect(await refused(send(forged, '/v1/telemetry', telemetry(g.devices[0]!, 6)))).toBe(true);
    expect(await handshakes('self_signed')).toBeGreaterThan(0);
    expect(await handshakes('refused')).toBe(refusals + 2);
    await stillServing();
  });

  it('closes expired and not-yet-valid certificates of the organization CA', async () => {
    const ca = inst.app && h.keyStore;
    const tenant = issueTenantScope(g.org.orgId);
    const deps = { db: h.harness.mongo.db, keyStore: ca, clock: () => new Date() };
    for (const [notBefore, notAfter, outcome] of [
      [new Date(Date.now() - 10 * 86_400_000), new Date(Date.now() - 86_400_000), 'expired'],
      [new Date(Date.now() + 86_400_000), new Date(Date.now() + 10 * 86_400_000), 'not_yet_valid'],
    ] as const) {
      const key = await gatewayKey();
      const record = await issueGatewayCertificate(
        deps,
        tenant,
        await certificateRequest(key, { notBefore, notAfter }),
      );
      const before = await handshakes(outcome);
      expect(
        await refused(
          send({ keyPem: key.keyPem, certPem: record.pem }, '/v1/telemetry', telemetry(g.devices[0]!, 7)),
        ),
      ).toBe(true);
      expect(await handshakes(outcome)).toBe(before + 1);
    }
    await stillServing();
  });

  it('refuses a certificate longer than 90 days with a PKI error the API answers as 422 CSR_REJECTED', async () => {
    const tenant = issueTenantScope(g.org.orgId);
    const deps = { db: h.harness.mongo.db, keyStore: h.keyStore, clock: () => new Date() };
    const request = await certificateRequest(await gatewayKey(), {
      notAfter: new Date(Date.now() + 100 * 86_400_000),
    });
    const refusal = await issueGatewayCertificate(deps, tenant, request).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PkiError);
    expect(refusal).toMatchObject({ code: 'CERTIFICATE_REFUSED', message: /at most 90 days/ });
    const answered = apiErrorOfPki(refusal as PkiError);
    expect({ code: answered.code, status: statusOf(answered.code), cause: answered.cause }).toEqual({
      code: 'CSR_REJECTED',
      status: 422,
      cause: refusal,
    });
  });

  it('refuses oversized and deeply nested certificate chains', async () => {
    const rogue = await rogueCa();
    const key = await gatewayKey();
    const huge = { keyPem: key.keyPem, certPem: await leafCertificate(rogue, key, { extraBytes: 150_000 }) };
    expect(await refused(send(huge, '/v1/pki/certificates'))).toBe(true);
    // Eight intermediates deep under a CA we do not trust.
    let issuer = rogue;
    let chain = '';
    for (let i = 0; i < 8; i++) {
      const k = await gatewayKey();
      const pem = await leafCertificate(issuer, k, { subject: `CN=intermediate ${i}`, ca: true });
      chain = pem + chain;
      issuer = { key: k, cert: new x509.X509Certificate(pem) };
    }
    const leafKey = await gatewayKey();
    const nested = { keyPem: leafKey.keyPem, certPem: (await leafCertificate(issuer, leafKey)) + chain };
    expect(await refused(send(nested, '/v1/pki/certificates'))).toBe(true);
    await stillServing();
  });

  it('refuses TLS 1.2 (no renegotiation to abuse) and drops a client that never finishes its handshake', async () => {
    const old = mtlsCall(inst.listener.url, h.serverCertPem, cert, 'GET', '/v1/pki/certificates', {
      maxVersion: 'TLSv1.2',
    });
    expect(await refused(old)).toBe(true);
    // A raw TCP client that sends half a ClientHello and then nothing.
    const started = Date.now();
    const closed = new Promise<number>((resolve) => {
      const socket = connect(inst.listener.port, '127.0.0.1', () =>
        socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff])),
      );
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => undefined);
    });
    await stillServing();
    expect(await closed).toBeLessThan(5000);
    // Renegotiation from a TLS 1.3 client is refused locally, and the connection still works after.
    const socket = tlsConnect({
      host: '127.0.0.1',
      port: inst.listener.port,
      ca: h.serverCertPem,
      key: cert.keyPem,
      cert: cert.certPem,
    });
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    const renegotiated = await new Promise<Error | null>((resolve) => {
      const started = socket.renegotiate({}, (err) => resolve(err ?? null));
      if (!started) resolve(new Error('renegotiation not started'));
    });
    expect(renegotiated).toBeInstanceOf(Error);
    socket.destroy();
    await stillServing();
  });
});
