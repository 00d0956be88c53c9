import { generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { x509 } from '../../pki/x509-provider.ts';

/** A self-signed TLS server certificate (ECDSA P-256) for `host`, `localhost` and the loopback addresses. */
export async function selfSignedServerCertificate(
  host: string,
  days = 825,
): Promise<{ certPem: string; keyPem: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const signingKey = await webcrypto.subtle.importKey(
    'pkcs8',
    privateKey.export({ type: 'pkcs8', format: 'der' }),
    alg,
    false,
    ['sign'],
  );
  const verifyKey = await webcrypto.subtle.importKey(
    'spki',
    publicKey.export({ type: 'spki', format: 'der' }),
    alg,
    true,
    ['verify'],
  );
  const names: x509.JsonGeneralName[] = [
    { type: 'dns', value: 'localhost' },
    { type: 'ip', value: '127.0.0.1' },
    { type: 'ip', value: '::1' },
  ];
  if (host !== 'localhost' && host !== '127.0.0.1' && host !== '0.0.0.0') {
    names.push({ type: /^[\d.]+$|:/.test(host) ? 'ip' : 'dns', value: host });
  }
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(12).toString('hex').replace(/^./, '1'),
    subject: 'CN=mrv mTLS listener (self-signed)',
    issuer: 'CN=mrv mTLS listener (self-signed)',
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + days * 86_400_000),
    signingAlgorithm: alg,
    publicKey: verifyKey,
    signingKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
    ],
  });
  return {
    certPem: cert.toString('pem'),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * The mTLS listener's certificate and key: the configured files, or (under `mrv up`) a self-signed
 * pair in `<dataDir>/mtls/`, created once (key mode 0600) so gateways can pin it across restarts.
 */
export async function loadOrCreateServerCertificate(options: {
  certFile?: string;
  keyFile?: string;
  dataDir?: string;
  host: string;
}): Promise<{ certPem: string; keyPem: string; certFile: string }> {
  if (options.certFile && options.keyFile) {
    return {
      certPem: readFileSync(options.certFile, 'utf8'),
      keyPem: readFileSync(options.keyFile, 'utf8'),
      certFile: options.certFile,
    };
  }
  if (!options.dataDir)
    throw new Error('MTLS_SERVER_CERT_FILE and MTLS_SERVER_KEY_FILE: are required with MTLS_PORT');
  const dir = join(options.dataDir, 'mtls');
  const certFile = join(dir, 'server-cert.pem');
  const keyFile = join(dir, 'server-key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true });
    const made = await selfSignedServerCertificate(options.host);
    writeFileSync(keyFile, made.keyPem, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    writeFileSync(certFile, made.certPem);
  }
  return { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8'), certFile };
}
