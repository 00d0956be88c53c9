import type { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Context } from 'hono';
import { fingerprintOf } from '../../pki/fingerprint.ts';

/** The header a TLS-terminating proxy sets to the verified client certificate's SHA-256 (hex). */
export const FORWARDED_FINGERPRINT_HEADER = 'x-client-cert-sha256';

/** A client certificate that came with a request: from our own mTLS handshake, or from a trusted proxy. */
export interface PresentedCertificate {
  sha256: string;
  via: 'tls' | 'proxy';
  /** The certificate itself (mTLS only; a proxy forwards just the fingerprint). */
  peer?: X509Certificate;
}

type NodeBindings = { incoming?: { socket?: Partial<TLSSocket> & { remoteAddress?: string } } };

/** Normalizes `AB:CD:…` or `abcd…` to 64 lowercase hex digits; anything else is no fingerprint. */
function normalizeFingerprint(value: string | undefined): string | undefined {
  const hex = value?.trim().replaceAll(':', '').toLowerCase();
  return hex && /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same proxy. */
function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/, '');
}

/**
 * The certificate a request presents. Over our mTLS listener: the socket's peer certificate once
 * the handshake authorized it. Over the plain listener: the forwarded fingerprint header, believed
 * only when the connection comes from a configured proxy address — from anyone else the header is
 * ignored (stripped), so a client cannot claim a certificate it does not hold.
 */
export function presentedCertificate(
  c: Context,
  trustedProxies: ReadonlySet<string>,
): PresentedCertificate | undefined {
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket;
  if (socket?.encrypted && typeof socket.getPeerX509Certificate === 'function') {
    const peer = socket.authorized ? socket.getPeerX509Certificate() : undefined;
    return peer ? { sha256: fingerprintOf(peer.raw), via: 'tls', peer } : undefined;
  }
  const forwarded = c.req.header(FORWARDED_FINGERPRINT_HEADER);
  if (forwarded === undefined || !trustedProxies.has(plainAddress(socket?.remoteAddress))) return undefined;
  const sha256 = normalizeFingerprint(forwarded);
  return sha256 ? { sha256, via: 'proxy' } : undefined;
}
