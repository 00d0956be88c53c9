import type { HttpClient } from '../sender/http-client.ts';
import { EdgeError } from '../template/edge-error.ts';
import { gatewayCsr } from './gateway-csr.ts';

export interface EnrolledCertificate {
  keyPem: string;
  certPem: string;
  caPem: string;
  notAfter: string;
}

/**
 * Sends a fresh CSR to `POST /v1/gateways/{id}/certificates`: with the one-time enrollment token on
 * the plain API (pairing), or with no credential over mutual TLS with the current certificate
 * (renewal; the old one stays valid until it expires, so no reading waits).
 */
export async function enrollCertificate(input: {
  client: HttpClient;
  gatewayId: string;
  enrollmentToken?: string;
}): Promise<EnrolledCertificate> {
  const { keyPem, csrPem } = await gatewayCsr(input.gatewayId);
  const answer = await input.client.request(
    'POST',
    `/v1/gateways/${encodeURIComponent(input.gatewayId)}/certificates`,
    { csr: csrPem },
    input.enrollmentToken ? { authorization: `Bearer ${input.enrollmentToken}` } : {},
  );
  if (answer.status !== 201) throw refusedBy('certificate enrollment', answer.status, answer.body);
  const { certificate, ca_pem } = JSON.parse(answer.body) as {
    certificate: { pem: string; not_after: string };
    ca_pem: string;
  };
  return { keyPem, certPem: certificate.pem, caPem: ca_pem, notAfter: certificate.not_after };
}

/** An EdgeError that carries the API's problem detail (or the start of its answer). */
export function refusedBy(what: string, status: number, body: string): EdgeError {
  let detail = body.slice(0, 300);
  try {
    detail = (JSON.parse(body) as { detail?: string }).detail ?? detail;
  } catch {
    // not problem+json; the raw text says more than nothing
  }
  return new EdgeError('PAIRING_FAILED', `the API refused the ${what} (HTTP ${status}): ${detail}`);
}
