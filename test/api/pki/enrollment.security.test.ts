import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api-harness.ts';
import { setUpGateway, startMtlsHarness } from './mtls-harness.ts';
import { csrFor, gatewayKey } from './pki-fixtures.ts';

let h: Awaited<ReturnType<typeof startMtlsHarness>>;
let inst: Awaited<ReturnType<Awaited<ReturnType<typeof startMtlsHarness>>['instance']>>;

beforeAll(async () => {
  h = await startMtlsHarness('pki_enroll');
  inst = await h.instance();
}, 60_000);
afterAll(async () => await h?.close());

const enroll = (gatewayId: string, token: string, csr: unknown) =>
  call(inst.app, 'POST', `/v1/gateways/${gatewayId}/certificates`, {
    headers: { authorization: `Bearer ${token}` },
    body: { csr },
  });

describe('gateway enrollment', () => {
  it('issues a ≤ 90-day certificate naming gateway, organization and device DIDs; the token works once', async () => {
    const g = await setUpGateway(inst.app);
    expect(g.created.pairing).toMatchObject({
      v: 1,
      kind: 'gateway',
      gateway_id: g.gatewayId,
      org_id: g.org.orgId,
      device_dids: [g.devices[0]!.did],
      enrollment_token: g.token,
    });
    expect(g.created.pairing_qr_png).toMatch(/^data:image\/png;base64,/);
    for (const kind of ['p256', 'ed25519'] as const) {
      const res = await enroll(
        g.gatewayId,
        kind === 'p256' ? g.token : (await fresh(g)).token,
        await csrFor(await gatewayKey(kind)),
      );
      expect(res.status, res.text).toBe(201);
      const cert = new X509Certificate(res.json.certificate.pem);
      expect(cert.subject).toContain(`CN=${g.gatewayId}`);
      expect(cert.subject).toContain(`O=${g.org.orgId}`);
      expect(cert.subjectAltName).toContain(`URI:${g.devices[0]!.did}`);
      expect(cert.subjectAltName).not.toContain(g.devices[1]!.did);
      const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
      expect(days).toBeLessThanOrEqual(90.01);
      expect(cert.checkIssued(new X509Certificate(res.json.ca_pem))).toBe(true);
      expect(res.json.certificate.device_dids).toEqual([g.devices[0]!.did]);
    }
    const again = await enroll(g.gatewayId, g.token, await csrFor(await gatewayKey()));
    expect(again.status).toBe(401);
  });

  it('refuses garbage, oversized, foreign-DID and RSA CSRs with a clear error and keeps the token', async () => {
    const g = await setUpGateway(inst.app);
    const cases: [unknown, number, string][] = [
      ['not a csr', 422, 'PEM'],
      ['-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----', 422, 'parseable'],
      [
        `-----BEGIN CERTIFICATE REQUEST-----\n${'A'.repeat(20_000)}\n-----END CERTIFICATE REQUEST-----`,
        400,
        '',
      ],
      [42, 400, ''],
      [await csrFor(await gatewayKey('rsa')), 422, 'ECDSA P-256 or Ed25519'],
      [await csrFor(await gatewayKey(), [g.devices[1]!.did]), 422, 'not active devices'],
      [
        await csrFor(await gatewayKey(), ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK']),
        422,
        'not active devices',
      ],
    ];
    for (const [csr, status, detail] of cases) {
      const res = await enroll(g.gatewayId, g.token, csr);
      expect(res.status, res.text).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.json.detail).toContain(detail);
    }
    // A CSR whose subject was edited after signing: its self-signature no longer verifies.
    const good = await csrFor(await gatewayKey());
    const der = Buffer.from(good.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const at = der.indexOf(Buffer.from('whatever'));
    der[at] = 'W'.charCodeAt(0);
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----`;
    const bad = await enroll(g.gatewayId, g.token, tampered);
    expect(bad.status).toBe(422);
    expect(bad.json.detail).toContain('signature');
    // None of the refusals spent the token.
    expect(
      (await enroll(g.gatewayId, g.token, await csrFor(await gatewayKey(), [g.devices[0]!.did]))).status,
    ).toBe(201);
  });

  it('refuses other gateways, wrong tokens, non-admin keys and inactive gateways', async () => {
    const g = await setUpGateway(inst.app);
    const other = await setUpGateway(inst.app);
    const csr = await csrFor(await gatewayKey());
    expect((await enroll(other.gatewayId, g.token, csr)).status).toBe(401);
    expect((await enroll(g.gatewayId, `${g.token.slice(0, -3)}abc`, csr)).status).toBe(401);
    expect((await enroll(g.gatewayId, 'mrv_enr_garbage', csr)).status).toBe(401);
    const none = await call(inst.app, 'POST', `/v1/gateways/${g.gatewayId}/certificates`, { body: { csr } });
    expect(none.status).toBe(401);
    const admin = await call(inst.app, 'POST', `/v1/gateways/${g.gatewayId}/certificates`, {
      key: g.org.key,
      body: { csr },
    });
    expect(admin.status).toBe(201);
    const foreignAdmin = await call(inst.app, 'POST', `/v1/gateways/${g.gatewayId}/certificates`, {
      key: other.org.key,
      body: { csr },
    });
    expect(foreignAdmin.status).toBe(404);
    const suspended = await call(inst.app, 'POST', `/v1/gateways/${g.gatewayId}/suspend`, {
      key: g.org.key,
      body: { reason: 'test' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.json.revoked_certificates).toBe(1);
    expect((await enroll(g.gatewayId, g.token, csr)).status).toBe(409);
  });

  it('serves the CA and a CRL with nextUpdate, publicly', async () => {
    const g = await setUpGateway(inst.app);
    await enroll(g.gatewayId, g.token, await csrFor(await gatewayKey()));
    const ca = await call(inst.app, 'GET', `/v1/pki/ca.pem?org=${g.org.orgId}`);
    expect(ca.status).toBe(200);
    expect(new X509Certificate(ca.text).ca).toBe(true);
    const crl = await call(inst.app, 'GET', `/v1/pki/crl.pem?org=${g.org.orgId}`);
    expect(crl.status).toBe(200);
    expect(crl.text).toContain('-----BEGIN X509 CRL-----');
    expect((await call(inst.app, 'GET', '/v1/pki/ca.pem?org=nope')).status).toBe(400);
    expect((await call(inst.app, 'GET', '/v1/pki/ca.pem?org=org_0000000000000000000000')).status).toBe(404);
  });
});

async function fresh(g: Awaited<ReturnType<typeof setUpGateway>>) {
  const res = await call(inst.app, 'POST', `/v1/gateways/${g.gatewayId}/enrollment`, { key: g.org.key });
  if (res.status !== 201) throw new Error(res.text);
  return { token: res.json.enrollment.token as string };
}
