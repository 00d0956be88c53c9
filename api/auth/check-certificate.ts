import type { CertificateRecord } from '../../store/pki-store.ts';
import type { CertificateIdentity } from '../env.ts';
import { ApiError } from '../errors.ts';
import type { PkiCache } from '../pki/pki-cache.ts';
import type { PresentedCertificate } from '../pki/presented-certificate.ts';

function refuse(detail: string, reason: string): never {
  throw new ApiError('CLIENT_CERTIFICATE_REFUSED', detail, { extensions: { reason } });
}

/**
 * Whether a presented gateway certificate may act: we issued it (its fingerprint is on record), it is
 * within its validity, not revoked (the in-memory revoked set, refreshed within the PKI cache's
 * period), and — over our own handshake — its chain ends at the CA of the organization on record, so
 * a certificate of one organization's CA cannot pass as another's.
 */
export async function checkCertificate(
  pki: PkiCache,
  presented: PresentedCertificate,
  now: Date,
): Promise<{ record: CertificateRecord; identity: CertificateIdentity }> {
  const record = await pki.certificate(presented.sha256);
  if (!record) refuse('the client certificate was not issued by this service', 'unknown');
  await pki.fresh();
  if (record.revokedAt || pki.isRevoked(record.orgId, record._id))
    refuse('the client certificate is revoked', 'revoked');
  if (now < record.notBefore) refuse('the client certificate is not valid yet', 'not_yet_valid');
  if (now > record.notAfter) refuse('the client certificate has expired', 'expired');
  if (presented.peer) {
    const ca = pki.caOf(record.orgId);
    if (!ca || !presented.peer.checkIssued(ca) || !presented.peer.verify(ca.publicKey)) {
      refuse("the client certificate does not chain to its organization's CA", 'wrong_organization');
    }
  }
  return {
    record,
    identity: { sha256: record._id, gatewayId: record.gatewayId, deviceDids: record.deviceDids },
  };
}

/** RFC 8705 §3.1: `x5t#S256` is the base64url SHA-256 of the certificate's DER. */
export function x5tS256(sha256Hex: string): string {
  return Buffer.from(sha256Hex, 'hex').toString('base64url');
}
