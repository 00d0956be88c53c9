import type { Logger } from '../../observability/logger.ts';
import type { AuditLogStore } from '../../store/audit-log-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';

export interface CertificateRefusal {
  /** `mtls.handshake_refused` (the listener closed the connection) or `mtls.certificate_refused` (401). */
  action: 'mtls.handshake_refused' | 'mtls.certificate_refused';
  sha256: string;
  reason: string;
  gatewayId?: string;
  remote?: string;
  subject?: string;
  issuer?: string;
}

/**
 * Writes a refused gateway certificate into the hash-chained audit log of the organization whose CA
 * issued it. Only then is the organization known: a certificate of no CA of ours (self-signed,
 * foreign, none at all) is counted and logged (`mtls_handshake_refused`) but has no tenant's chain
 * to join. The append is not awaited by the handshake or the request; a failure is an operator alarm.
 * It issues a TenantScope (test/store/tenant-scope-callers.test.ts) only for the organization whose CA
 * the callers verified the certificate against, or whose record of the certificate they found.
 */
export function createCertificateRefusalAuditor(audit: AuditLogStore, logger: Logger) {
  return (orgId: string, refusal: CertificateRefusal): void => {
    const { action, sha256, reason, gatewayId, ...details } = refusal;
    audit
      .append(issueTenantScope(orgId), {
        at: new Date().toISOString(),
        actor: `certificate:${sha256}`,
        action,
        ...(gatewayId ? { resource: `gateway:${gatewayId}` } : {}),
        status: 401,
        details: {
          reason,
          ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)),
        },
      })
      .catch((err: unknown) => logger.error({ err, action }, 'audit append failed'));
  };
}

export type CertificateRefusalAuditor = ReturnType<typeof createCertificateRefusalAuditor>;
