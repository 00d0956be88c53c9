import { x509 } from '../../pki/x509-provider.ts';
import { ApiError } from '../errors.ts';

/** A PEM CSR is a few hundred bytes; anything past this is refused before it is parsed. */
export const MAX_CSR_BYTES = 16 * 1024;

export interface ParsedCsr {
  csr: x509.Pkcs10CertificateRequest;
  keyAlgorithm: 'ECDSA P-256' | 'Ed25519';
  /** SAN URIs the gateway asked for (device DIDs); empty when it asked for none. */
  requestedUris: string[];
}

function reject(message: string): never {
  throw new ApiError('CSR_REJECTED', message);
}

/**
 * Parses and checks a PKCS#10 CSR with @peculiar/x509: one PEM block of bounded size, a key we issue
 * for (ECDSA P-256 or Ed25519), and a valid self-signature (the gateway holds the private key).
 */
export async function parseCsr(pem: string): Promise<ParsedCsr> {
  if (Buffer.byteLength(pem, 'utf8') > MAX_CSR_BYTES) reject(`the CSR exceeds ${MAX_CSR_BYTES} bytes`);
  const blocks = pem.match(/-----BEGIN CERTIFICATE REQUEST-----/g) ?? [];
  if (blocks.length !== 1) reject('send exactly one PEM block "-----BEGIN CERTIFICATE REQUEST-----"');
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(pem.trim());
  } catch {
    reject('the CSR is not a parseable PKCS#10 request');
  }
  const alg = csr.publicKey.algorithm as { name: string; namedCurve?: string };
  let keyAlgorithm: ParsedCsr['keyAlgorithm'];
  if (alg.name === 'ECDSA' && alg.namedCurve === 'P-256') keyAlgorithm = 'ECDSA P-256';
  else if (alg.name === 'Ed25519') keyAlgorithm = 'Ed25519';
  else
    reject(
      `unsupported key ${alg.name}${alg.namedCurve ? ` ${alg.namedCurve}` : ''}: use ECDSA P-256 or Ed25519`,
    );
  let signed = false;
  try {
    signed = await csr.verify();
  } catch {
    signed = false;
  }
  if (!signed) reject('the CSR signature does not verify with its own public key');
  const san = csr.extensions.find((e) => e instanceof x509.SubjectAlternativeNameExtension) as
    | x509.SubjectAlternativeNameExtension
    | undefined;
  const requestedUris = (san?.names.items ?? []).filter((n) => n.type === 'url').map((n) => n.value);
  if (requestedUris.length > 1000) reject('a CSR may ask for at most 1000 device DIDs');
  return { csr, keyAlgorithm, requestedUris };
}
