import type { Db } from 'mongodb';
import type { KeyStore } from '../../identity/key-store.ts';
import { revokeCertificates } from '../../pki/issuing-ca.ts';
import { pkiStore } from '../../store/pki-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';

/**
 * Revokes every unrevoked gateway certificate that lists a device's DID and re-issues the CRL (API
 * instances pick it up within their PKI cache bound, docs/api/mtls.md). It runs in the worker's
 * device-status step, so a suspension revokes even when the API route stopped waiting (202).
 * Idempotent: revoked certificates are skipped, so a retried activity revokes nothing twice.
 */
export function createDeviceCertificateRevoker(deps: { db: Db; keyStore: KeyStore; now: () => Date }) {
  return async (scope: TenantScope, did: string, reason: string): Promise<number> => {
    const store = pkiStore(deps.db);
    if (!(await store.ca(scope))) return 0; // no CA, no certificates
    const targets = (await store.certificates(scope))
      .filter((c) => !c.revokedAt && c.deviceDids.includes(did))
      .map((c) => c._id);
    if (targets.length === 0) return 0;
    return await revokeCertificates(
      { db: deps.db, keyStore: deps.keyStore, clock: deps.now },
      scope,
      targets,
      reason,
    );
  };
}

export type DeviceCertificateRevoker = ReturnType<typeof createDeviceCertificateRevoker>;
