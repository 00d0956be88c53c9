import { createHash } from 'node:crypto';

/** SHA-256 of a certificate's DER, as lowercase hex: how certificates are keyed and forwarded. */
export function fingerprintOf(der: ArrayBuffer | Uint8Array): string {
  return createHash('sha256').update(new Uint8Array(der)).digest('hex');
}
