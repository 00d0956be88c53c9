import { generateKeyPairSync, webcrypto, X509Certificate } from 'node:crypto';

/**
 * A new ECDSA P-256 key made on the gateway (it never leaves it) and a PKCS#10 CSR signed with it
 * (docs/api/mtls.md, step 2). The CSR asks for no DIDs: the certificate then lists every device
 * attached to the gateway, which is what the agent reads for. @peculiar/x509 is loaded only here
 * (pairing and renewal), not into the running agent's memory.
 */
export async function gatewayCsr(gatewayId: string): Promise<{ keyPem: string; csrPem: string }> {
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const gen = { name: 'ECDSA', namedCurve: 'P-256' } as const;
  const keys = {
    privateKey: await webcrypto.subtle.importKey(
      'pkcs8',
      pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
      gen,
      false,
      ['sign'],
    ),
    publicKey: await webcrypto.subtle.importKey(
      'spki',
      pair.publicKey.export({ type: 'spki', format: 'der' }),
      gen,
      true,
      ['verify'],
    ),
  } as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${gatewayId}`,
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  return {
    keyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    csrPem: csr.toString('pem'),
  };
}

/** When a PEM certificate stops being valid (ms since the epoch). */
export function certificateNotAfter(pem: string): number {
  return new Date(new X509Certificate(pem).validTo).getTime();
}
