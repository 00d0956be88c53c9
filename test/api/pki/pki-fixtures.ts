import { generateKeyPairSync, type KeyObject, webcrypto } from 'node:crypto';
import { type Agent, request as httpsRequest } from 'node:https';
import { x509 } from '../../../pki/x509-provider.ts';

export type KeyKind = 'p256' | 'ed25519' | 'rsa';

const algs = {
  p256: { gen: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
  ed25519: { gen: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
  rsa: { gen: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
} as const;

/** A key pair made the way a gateway makes one: WebCrypto for x509, PEM for node:tls. */
export async function gatewayKey(kind: KeyKind = 'p256') {
  const pair =
    kind === 'p256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : kind === 'ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const a = algs[kind];
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
    a.gen,
    false,
    ['sign'],
  );
  const publicKey = await webcrypto.subtle.importKey(
    'spki',
    pair.publicKey.export({ type: 'spki', format: 'der' }),
    a.gen,
    true,
    ['verify'],
  );
  return {
    kind,
    keyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keys: { privateKey, publicKey } as webcrypto.CryptoKeyPair,
    signing: a.sign,
    node: pair.privateKey as KeyObject,
  };
}

type GatewayKey = Awaited<ReturnType<typeof gatewayKey>>;

/** A PKCS#10 CSR signed by `key`, optionally asking for DIDs as SAN URIs. */
export async function csrFor(key: GatewayKey, dids: string[] = []): Promise<string> {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: 'CN=whatever the gateway says',
    keys: key.keys,
    signingAlgorithm: key.signing,
    extensions: dids.length
      ? [new x509.SubjectAlternativeNameExtension(dids.map((value) => ({ type: 'url', value })))]
      : [],
  });
  return csr.toString('pem');
}

/** A CA of our own making (not the organization's): for rogue and self-signed client certificates. */
export async function rogueCa(subject = 'CN=rogue CA') {
  const key = await gatewayKey('p256');
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0badca',
    name: subject,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    keys: key.keys,
    signingAlgorithm: key.signing,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  return { key, cert };
}

/** A client certificate for `leaf`, signed by `issuer` (a CA of the test's own). */
export async function leafCertificate(
  issuer: Awaited<ReturnType<typeof rogueCa>>,
  leaf: GatewayKey,
  options: { subject?: string; extraBytes?: number; ca?: boolean } = {},
) {
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(options.ca ?? false, undefined, true),
  ];
  if (options.extraBytes) {
    const uris = [];
    for (let i = 0; i * 100 < options.extraBytes; i++)
      uris.push({ type: 'url' as const, value: `urn:x:${'a'.repeat(90)}${i}` });
    extensions.push(new x509.SubjectAlternativeNameExtension(uris));
  }
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: `${Math.floor(Math.random() * 1e9).toString(16)}1`,
    subject: options.subject ?? 'CN=gw_rogue',
    issuer: issuer.cert.subject,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    signingAlgorithm: issuer.key.signing,
    publicKey: leaf.keys.publicKey,
    signingKey: issuer.key.keys.privateKey,
    extensions,
  });
  return cert.toString('pem');
}

export interface TlsClient {
  keyPem: string;
  certPem: string;
  /** Agent options: `keepAlive` reuses one established connection. */
  agent?: Agent;
}

export interface TlsAnswer {
  status: number;
  json: any;
}

/** One HTTPS request to the mTLS listener, trusting its server certificate. Rejects when the connection is closed. */
export function mtlsCall(
  url: string,
  serverCertPem: string,
  client: TlsClient | undefined,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; maxVersion?: 'TLSv1.2' | 'TLSv1.3' } = {},
): Promise<TlsAnswer> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${url}${path}`,
      {
        method,
        ca: serverCertPem,
        ...(client ? { key: client.keyPem, cert: client.certPem } : {}),
        ...(client?.agent ? { agent: client.agent } : { agent: false }),
        ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          let json: any;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether the listener refuses this client: the connection closes (or errors) with no HTTP answer. */
export async function refused(call: Promise<TlsAnswer>): Promise<boolean> {
  try {
    await call;
    return false;
  } catch {
    return true;
  }
}
