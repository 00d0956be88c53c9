import type { Gateway, GatewayAgent } from '../../store/gateway-store.ts';
import type { CertificateRecord } from '../../store/pki-store.ts';

export function gatewayJson(g: Gateway) {
  return {
    id: g._id,
    name: g.name,
    status: g.status,
    device_ids: g.deviceIds,
    ...(g.agent ? { agent: redacted(g.agent) } : {}),
    created_at: g.createdAt.toISOString(),
    status_changed_at: g.statusChangedAt.toISOString(),
  };
}

export function certificateJson(r: CertificateRecord) {
  return {
    serial: r.serial,
    sha256: r._id,
    gateway_id: r.gatewayId,
    org_id: r.orgId,
    device_dids: r.deviceDids,
    not_before: r.notBefore.toISOString(),
    not_after: r.notAfter.toISOString(),
    issued_at: r.issuedAt.toISOString(),
    revoked_at: r.revokedAt?.toISOString() ?? null,
    revocation_reason: r.revocationReason ?? null,
    pem: r.pem,
  };
}

/** What `mrv-edge pair` reads from the QR code (docs/api/mtls.md, "Enrollment contract"). */
export function gatewayPairingPayload(
  g: Gateway,
  options: { apiUrl: string; mtlsUrl: string | null; deviceDids: string[]; token: string; expiresAt: Date },
) {
  return {
    v: 1,
    kind: 'gateway',
    api_url: options.apiUrl,
    mtls_url: options.mtlsUrl,
    org_id: g.orgId,
    gateway_id: g._id,
    device_dids: options.deviceDids,
    enrollment_token: options.token,
    enrollment_expires_at: options.expiresAt.toISOString(),
    certificates_url: `${options.apiUrl}/v1/gateways/${g._id}/certificates`,
    ca_url: `${options.apiUrl}/v1/pki/ca.pem?org=${g.orgId}`,
  };
}

/** Connection secrets (passwords, Authorization headers) go to the gateway only, never to a listing. */
function redacted(agent: GatewayAgent): GatewayAgent {
  return {
    ...agent,
    devices: agent.devices.map((d) => ({
      ...d,
      sources: d.sources.map((s) => ({
        ...s,
        connection: Object.fromEntries(
          Object.entries(s.connection).map(([k, v]) =>
            k === 'password' || k === 'authorization' ? [k, '(set)'] : [k, v],
          ),
        ),
      })),
    })),
  };
}
