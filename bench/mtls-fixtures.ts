import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { x509 } from '../api/pki/x509-provider.ts';

async function json(url: string, init: RequestInit & { key?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(url, { ...init, headers });
  const body = (await res.json()) as Record<string, any>;
  if (res.status >= 300)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** An organization, a project with one device, a gateway for it and an enrolled P-256 certificate. */
export async function benchFixtures(base: string) {
  const org = await json(`${base}/v1/organizations`, {
    method: 'POST',
    body: JSON.stringify({ name: 'bench mtls' }),
  });
  const key = org.api_key.key as string;
  const draft = await json(`${base}/v1/policy-drafts?file_name=hydro-ams-i-d.yaml`, {
    method: 'POST',
    key,
    body: readFileSync('policies/hydro-ams-i-d.yaml', 'utf8'),
    headers: { 'content-type': 'application/yaml' },
  });
  const version = await json(`${base}/v1/policy-drafts/${draft.id}/publish`, { method: 'POST', key });
  const plant = JSON.parse(readFileSync('policies/fixtures/hydro-ams-i-d/plant-small.json', 'utf8'));
  const project = await json(`${base}/v1/projects`, {
    method: 'POST',
    key,
    body: JSON.stringify({ plant: { ...plant, devices: [] }, policy_version_id: version.id }),
  });
  const d = await json(`${base}/v1/devices/provision`, {
    method: 'POST',
    key,
    body: JSON.stringify({ project_id: project.id }),
  });
  const gw = await json(`${base}/v1/gateways`, {
    method: 'POST',
    key,
    body: JSON.stringify({ name: 'bench', device_ids: [d.device.id] }),
  });
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const alg = { name: 'ECDSA', namedCurve: 'P-256' };
  const keys = {
    privateKey: await webcrypto.subtle.importKey(
      'pkcs8',
      pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
      alg,
      false,
      ['sign'],
    ),
    publicKey: await webcrypto.subtle.importKey(
      'spki',
      pair.publicKey.export({ type: 'spki', format: 'der' }),
      alg,
      true,
      ['verify'],
    ),
  };
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: 'CN=bench',
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  const issued = await json(`${base}/v1/gateways/${gw.gateway.id}/certificates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.enrollment.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ csr: csr.toString('pem') }),
  });
  return {
    key,
    device: { did: d.device.did as string, jwk: d.pairing.private_key_jwk },
    cert: {
      keyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      certPem: issued.certificate.pem as string,
    },
  };
}
