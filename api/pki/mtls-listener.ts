import type { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from '../../observability/logger.ts';
import { type MtlsHandshakeOutcome, mtlsHandshakesTotal } from '../../observability/metrics.ts';
import { fingerprintOf } from '../../pki/fingerprint.ts';
import type { CertificateRefusalAuditor } from '../auth/audit-certificate-refusal.ts';
import { outcomeOfVerifyError } from './handshake-outcome.ts';
import type { PkiCache } from './pki-cache.ts';

export interface MtlsListenerOptions {
  /** Refusals of certificates that one of our CAs issued go to that organization's audit log. */
  auditRefusal?: CertificateRefusalAuditor;
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app (its env type does not matter here)
  app: Hono<any>;
  pki: PkiCache;
  host: string;
  /** 0 picks a free port. */
  port: number;
  serverCertPem: string;
  serverKeyPem: string;
  logger: Logger;
  /** A client that has not finished its handshake by then is disconnected (default 5 s). */
  handshakeTimeoutMs?: number;
}

export interface MtlsListener {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * The gateways' mutual-TLS listener: the same app as the plain API, behind Node's TLS with
 * `requestCert`, trusting every organization's issuing CA (which one issued a certificate is
 * checked per request, api/auth/authenticator.ts). TLS 1.3 only, so there is no renegotiation to
 * abuse. Each handshake is checked against the in-memory PKI cache (chain, validity, revocation):
 * a refused client is disconnected before it can send a request, counted by outcome and logged.
 */
export async function startMtlsListener(options: MtlsListenerOptions): Promise<MtlsListener> {
  const { pki, logger } = options;
  await pki.refresh();
  pki.start();
  const tlsOptions = () => ({
    key: options.serverKeyPem,
    cert: options.serverCertPem,
    // An empty list would make Node fall back to its public roots; a never-matching one keeps it closed.
    ca: pki.caPems().length > 0 ? pki.caPems() : [options.serverCertPem],
    // Part of the secure context: `setSecureContext` would otherwise fall back to TLS 1.2.
    minVersion: 'TLSv1.3' as const,
  });
  const server = createAdaptorServer({
    fetch: options.app.fetch,
    createServer,
    serverOptions: {
      ...tlsOptions(),
      requestCert: true,
      // Verified here, per handshake, to count and log each refusal by its reason.
      rejectUnauthorized: false,
      handshakeTimeout: options.handshakeTimeoutMs ?? 5000,
    },
  }) as unknown as Server;
  pki.onCaChange(() => server.setSecureContext(tlsOptions()));

  const count = (outcome: MtlsHandshakeOutcome) => mtlsHandshakesTotal.inc({ outcome });
  server.on('secureConnection', (socket: TLSSocket) => {
    const peer = socket.getPeerX509Certificate();
    let outcome: MtlsHandshakeOutcome = 'accepted';
    if (!peer) outcome = 'no_certificate';
    else if (!socket.authorized) outcome = outcomeOfVerifyError(String(socket.authorizationError ?? ''));
    else {
      const org = /(?:^|\n)O=([^\n]+)/.exec(peer.subject)?.[1] ?? '';
      if (pki.isRevoked(org, fingerprintOf(peer.raw))) outcome = 'revoked';
    }
    count(outcome);
    if (outcome === 'accepted') return;
    logger.warn(
      {
        event: 'mtls_handshake_refused',
        outcome,
        remote: socket.remoteAddress,
        subject: peer?.subject.replaceAll('\n', ', '),
        issuer: peer?.issuer.replaceAll('\n', ', '),
        sha256: peer ? fingerprintOf(peer.raw) : undefined,
      },
      'mTLS handshake refused',
    );
    if (peer && options.auditRefusal) {
      const org = issuingOrganization(pki, peer);
      if (org) {
        options.auditRefusal(org, {
          action: 'mtls.handshake_refused',
          sha256: fingerprintOf(peer.raw),
          reason: outcome,
          ...(socket.remoteAddress ? { remote: socket.remoteAddress } : {}),
          subject: peer.subject.replaceAll('\n', ', '),
          ...(subjectField(peer, 'CN') ? { gatewayId: subjectField(peer, 'CN')! } : {}),
        });
      }
    }
    socket.destroy();
  });
  server.on('tlsClientError', (error: Error & { code?: string }) => {
    count('tls_error');
    logger.info(
      { event: 'mtls_handshake_failed', code: error.code, err: error.message },
      'mTLS handshake failed',
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://${options.host}:${port}`;
  logger.info({ url }, 'mTLS listener listening');
  return {
    port,
    url,
    async close() {
      pki.stop();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function subjectField(cert: X509Certificate, name: string): string | undefined {
  return new RegExp(`(?:^|\\n)${name}=([^\\n]+)`).exec(cert.subject)?.[1];
}

/** The organization whose CA signed this certificate (checked, not just claimed), if any. */
function issuingOrganization(pki: PkiCache, cert: X509Certificate): string | undefined {
  const org = subjectField(cert, 'O');
  const ca = org ? pki.caOf(org) : undefined;
  return ca && cert.checkIssued(ca) && cert.verify(ca.publicKey) ? org : undefined;
}
