import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { x5tS256 } from '../../../api/auth/check-certificate.ts';
import { waitFor } from '../../workflows/support/wait-for.ts';
import { call, createKey } from '../support/api-harness.ts';
import { telemetry } from '../support/fixtures.ts';
import { enrollCertificate, type Instance, setUpGateway, startMtlsHarness } from './mtls-harness.ts';
import { mtlsCall, refused } from './pki-fixtures.ts';

interface AuditRow {
  actor: string;
  action: string;
  resource?: string;
  status?: number;
  details?: Record<string, unknown>;
}

let h: Awaited<ReturnType<typeof startMtlsHarness>>;
let a: Instance;
let b: Instance;
let seq = 100;

beforeAll(async () => {
  h = await startMtlsHarness('pki_revoke');
  a = await h.instance();
  b = await h.instance();
}, 60_000);
afterAll(async () => await h?.close());

const submit = (
  inst: Instance,
  client: { keyPem: string; certPem: string; agent?: Agent },
  device: Parameters<typeof telemetry>[0],
  headers?: Record<string, string>,
) =>
  mtlsCall(inst.listener.url, h.serverCertPem, client, 'POST', '/v1/telemetry', {
    body: telemetry(device, seq++),
    headers,
  });

describe('revocation, rotation and certificate-bound tokens', () => {
  it('renews over mTLS with the current certificate; old and new both work until the old expires', async () => {
    const g = await setUpGateway(a.app);
    const first = await enrollCertificate(a.app, g, { token: g.token });
    await a.pki.refreshNow();
    const { gatewayKey, csrFor } = await import('./pki-fixtures.ts');
    const key = await gatewayKey();
    const renewed = await mtlsCall(
      a.listener.url,
      h.serverCertPem,
      first,
      'POST',
      `/v1/gateways/${g.gatewayId}/certificates`,
      {
        body: { csr: await csrFor(key) },
      },
    );
    expect(renewed.status, JSON.stringify(renewed.json)).toBe(201);
    const second = { keyPem: key.keyPem, certPem: renewed.json.certificate.pem };
    expect(Date.parse(renewed.json.certificate.not_after)).toBeGreaterThan(Date.now());
    expect((await submit(a, first, g.devices[0]!)).status).toBe(202);
    expect((await submit(a, second, g.devices[0]!)).status).toBe(202);
    // A gateway certificate renews only its own gateway.
    const other = await setUpGateway(a.app);
    const foreign = await mtlsCall(
      a.listener.url,
      h.serverCertPem,
      first,
      'POST',
      `/v1/gateways/${other.gatewayId}/certificates`,
      {
        body: { csr: await csrFor(key) },
      },
    );
    expect(foreign.status).toBe(403);
  });

  it('revocation refuses at once on this instance (new and established connections) and within 5 s on another', async () => {
    const g = await setUpGateway(a.app);
    const cert = await enrollCertificate(a.app, g, { token: g.token });
    await a.pki.refreshNow();
    await b.pki.refreshNow();
    const agentA = new Agent({ keepAlive: true, maxSockets: 1 });
    const agentB = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await submit(a, { ...cert, agent: agentA }, g.devices[0]!)).status).toBe(202);
    expect((await submit(b, { ...cert, agent: agentB }, g.devices[0]!)).status).toBe(202);

    const revoke = await call(a.app, 'POST', `/v1/pki/certificates/${cert.sha256}/revoke`, {
      key: g.org.key,
      body: { reason: 'stolen' },
    });
    expect(revoke.status).toBe(200);
    expect(revoke.json.revoked).toBe(1);
    const revokedAt = Date.now();
    // This instance: the kept-alive connection gets 401, a new handshake is closed.
    const kept = await submit(a, { ...cert, agent: agentA }, g.devices[0]!);
    expect(kept.status).toBe(401);
    expect(kept.json.detail).toContain('revoked');
    expect(await refused(submit(a, cert, g.devices[0]!))).toBe(true);
    // The other instance learns it from the store within its refresh period (bound: 5 s).
    let seenAfter = -1;
    while (Date.now() - revokedAt < 6000) {
      const res = await submit(b, { ...cert, agent: agentB }, g.devices[0]!).catch(() => ({ status: 0 }));
      if (res.status === 401 || res.status === 0) {
        seenAfter = Date.now() - revokedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    expect(seenAfter).toBeLessThan(5000);
    expect(await refused(submit(b, cert, g.devices[0]!))).toBe(true);
    // The CRL lists it.
    const crl = await call(a.app, 'GET', `/v1/pki/crl.pem?org=${g.org.orgId}`);
    const { x509 } = await import('../../../pki/x509-provider.ts');
    const parsed = new x509.X509Crl(crl.text);
    const serial = (
      await call(a.app, 'GET', '/v1/pki/certificates', { key: g.org.key })
    ).json.certificates.find((c: { sha256: string }) => c.sha256 === cert.sha256).serial;
    expect(parsed.entries.map((e) => e.serialNumber.toLowerCase())).toContain(serial);
    expect(parsed.nextUpdate!.getTime()).toBeGreaterThan(Date.now());
    // Both refusals are in the organization's hash-chained audit log: the 401 and the closed handshake.
    const refusals = async () =>
      ((await call(a.app, 'GET', '/v1/audit?limit=500', { key: g.org.key })).json.data as AuditRow[]).filter(
        (r) => r.actor === `certificate:${cert.sha256}`,
      );
    await waitFor(
      async () => new Set((await refusals()).map((r) => r.action)).size === 2,
      30_000,
      'refusals audited',
    );
    const rows = await refusals();
    expect(rows.find((r) => r.action === 'mtls.certificate_refused')).toMatchObject({
      resource: `gateway:${g.gatewayId}`,
      status: 401,
      details: { reason: 'revoked' },
    });
    expect(rows.find((r) => r.action === 'mtls.handshake_refused')).toMatchObject({
      resource: `gateway:${g.gatewayId}`,
      details: { reason: 'revoked' },
    });
    agentA.destroy();
    agentB.destroy();
  });

  it('suspending the gateway revokes every certificate it holds', async () => {
    const g = await setUpGateway(a.app);
    const c1 = await enrollCertificate(a.app, g, { token: g.token });
    const c2 = await enrollCertificate(a.app, g);
    await a.pki.refreshNow();
    expect((await submit(a, c1, g.devices[0]!)).status).toBe(202);
    const res = await call(a.app, 'POST', `/v1/gateways/${g.gatewayId}/decommission`, {
      key: g.org.key,
      body: { reason: 'plant closed' },
    });
    expect(res.json.revoked_certificates).toBe(2);
    expect(await refused(submit(a, c1, g.devices[0]!))).toBe(true);
    expect(await refused(submit(a, c2, g.devices[0]!))).toBe(true);
    const list = await call(a.app, 'GET', `/v1/pki/certificates?gateway_id=${g.gatewayId}`, {
      key: g.org.key,
    });
    expect(list.json.certificates.every((c: { revoked_at: string | null }) => c.revoked_at)).toBe(true);
  });

  it('binds tokens issued over mTLS to the certificate (RFC 8705 cnf.x5t#S256)', async () => {
    const g = await setUpGateway(a.app);
    const cert = await enrollCertificate(a.app, g, { token: g.token });
    const g2 = await setUpGateway(a.app);
    const otherCert = await enrollCertificate(a.app, g2, { token: g2.token });
    await a.pki.refreshNow();
    const key = await createKey(a.app, g.org.key, ['telemetry:write']);
    const form = `grant_type=client_credentials&client_id=${encodeURIComponent(key.prefix)}&client_secret=${encodeURIComponent(key.key)}`;
    const res = await mtlsCall(a.listener.url, h.serverCertPem, cert, 'POST', '/oauth/token', {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const token = res.json.access_token as string;
    expect((decodeJwt(token).cnf as Record<string, string>)['x5t#S256']).toBe(x5tS256(cert.sha256));
    const bearer = { authorization: `Bearer ${token}` };
    expect((await submit(a, cert, g.devices[0]!, bearer)).status).toBe(202);
    // Without the certificate (plain listener), or with another one, the token is refused.
    const plain = await call(a.app, 'POST', '/v1/telemetry', {
      headers: bearer,
      body: telemetry(g.devices[0]!, seq++),
    });
    expect(plain.status).toBe(401);
    expect(plain.json.detail).toContain('bound to a client certificate');
    const swapped = await submit(a, otherCert, g.devices[0]!, bearer);
    expect(swapped.status).toBe(401);
    // A token from the plain listener carries no cnf and works there.
    const unbound = await call(a.app, 'POST', '/oauth/token', {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(decodeJwt(unbound.json.access_token).cnf).toBeUndefined();
    // Another organization's key over this certificate gets no token.
    const foreign = await createKey(a.app, g2.org.key, ['telemetry:write']);
    const cross = await mtlsCall(a.listener.url, h.serverCertPem, cert, 'POST', '/oauth/token', {
      body: `grant_type=client_credentials&client_id=${encodeURIComponent(foreign.prefix)}&client_secret=${encodeURIComponent(foreign.key)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(cross.status).toBe(401);
  });

  it('proxy mode: the forwarded fingerprint counts only from a configured proxy address', async () => {
    const g = await setUpGateway(a.app);
    const cert = await enrollCertificate(a.app, g, { token: g.token });
    const serveOn = async (trustedProxies: string[]) => {
      const app = h.harness.app({ keyStore: h.keyStore, pki: a.pki, trustedProxies });
      const server: ServerType = await new Promise((resolve) => {
        const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
      });
      return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    };
    const post = (url: string, sha: string) =>
      fetch(`${url}/v1/telemetry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-client-cert-sha256': sha },
        body: JSON.stringify(telemetry(g.devices[0]!, seq++)),
      });
    const trusted = await serveOn(['127.0.0.1']);
    const untrusted = await serveOn(['192.0.2.10']);
    try {
      expect((await post(trusted.url, cert.sha256)).status).toBe(202);
      expect((await post(trusted.url, cert.sha256.toUpperCase().match(/../g)!.join(':'))).status).toBe(202);
      expect((await post(trusted.url, 'ab'.repeat(32))).status).toBe(401);
      expect((await post(untrusted.url, cert.sha256)).status).toBe(401);
      expect(
        (
          await call(a.app, 'POST', '/v1/telemetry', {
            headers: { 'x-client-cert-sha256': cert.sha256 },
            body: telemetry(g.devices[0]!, seq++),
          })
        ).status,
      ).toBe(401);
      await call(a.app, 'POST', `/v1/pki/certificates/${cert.sha256}/revoke`, {
        key: g.org.key,
        body: { reason: 'x' },
      });
      expect((await post(trusted.url, cert.sha256)).status).toBe(401);
    } finally {
      trusted.server.close();
      untrusted.server.close();
    }
  });
});
