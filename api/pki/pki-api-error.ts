import type { PkiError, PkiErrorCode } from '../../pki/pki-error.ts';
import { ApiError, type ApiErrorCode } from '../errors.ts';

const apiCodes: Record<PkiErrorCode, ApiErrorCode> = {
  CERTIFICATE_REFUSED: 'CSR_REJECTED',
  NO_CA: 'NOT_FOUND',
  CRL_CONFLICT: 'CONFLICT',
};

/** The certificate authority's refusal as the API answers it (translated once, in `app.onError`). */
export function apiErrorOfPki(error: PkiError): ApiError {
  return new ApiError(apiCodes[error.code], error.message, { cause: error });
}
