import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { x509 } from '../pki/x509-provider.ts';
import { benchProject, json } from './bench-project.ts';

/** An organization, a project with one device, a gateway for it and an enrolled P-256 certificate. */
export async function benchFixtures(base: string) {
  const { key, projectId } = await benchProject(base, 'bench mtls');
  const d = await json(`${base}/v1/devices/provision`, {
    method: 'POST',
    key,
    body: JSON.stringify({ project_id: projectId }),
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
