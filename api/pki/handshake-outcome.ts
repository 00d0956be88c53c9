import type { MtlsHandshakeOutcome } from '../../observability/metrics.ts';

/** OpenSSL's verification error (Node's `authorizationError`) as a handshake outcome label. */
export function outcomeOfVerifyError(code: string | undefined): MtlsHandshakeOutcome {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return 'expired';
    case 'CERT_NOT_YET_VALID':
      return 'not_yet_valid';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'self_signed';
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return 'unknown_ca';
    case 'CERT_REVOKED':
      return 'revoked';
    default:
      return 'invalid';
  }
}
