import type { Db } from 'mongodb';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

/** An organization's issuing CA: its key lives in the KeyStore (`keyId`), sealed like every key. */
export interface IssuingCa {
  _id: string;
  orgId: string;
  keyId: string;
  certPem: string;
  notAfter: Date;
  createdAt: Date;
  /** The newest CRL's number: API instances poll it to notice revocations made elsewhere. */
  crlNumber?: number;
}

export interface RevokedEntry {
  serial: string;
  sha256: string;
  revokedAt: Date;
  reason: string;
}

/** One issued CRL; `number` grows by one per re-issue (`_id` = `orgId:number`, unique). */
export interface CrlRecord {
  _id: string;
  orgId: string;
  number: number;
  pem: string;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: RevokedEntry[];
}

/** An issued gateway certificate, keyed by the SHA-256 of its DER (what TLS and proxies present). */
export interface CertificateRecord {
  _id: string;
  orgId: string;
  gatewayId: string;
  serial: string;
  deviceDids: string[];
  notBefore: Date;
  notAfter: Date;
  pem: string;
  issuedAt: Date;
  revokedAt?: Date;
  revocationReason?: string;
}

const cas = (db: Db) => db.collection<IssuingCa>('pki_cas');
const crls = (db: Db) => db.collection<CrlRecord>('pki_crls');
const certs = (db: Db) => db.collection<CertificateRecord>('gateway_certificates');

export function pkiStore(db: Db) {
  return {
    async ca(scope: TenantScope): Promise<IssuingCa | null> {
      return await findOwned(cas(db), scope, scope.orgId);
    },
    /** `false` when another caller created the organization's CA first (the unique `_id` decides). */
    async insertCa(scope: TenantScope, ca: Omit<IssuingCa, '_id' | 'orgId'>): Promise<boolean> {
      return await insertOnce(cas(db), { ...ca, _id: scope.orgId, orgId: scope.orgId });
    },
    /** Every CA: the mTLS listener trusts them all and tells organizations apart per certificate. */
    async allCas(): Promise<IssuingCa[]> {
      return await cas(db).find({}).limit(100_000).toArray();
    },
    async latestCrl(scope: TenantScope): Promise<CrlRecord | null> {
      return await crls(db).find({ orgId: scope.orgId }).sort({ number: -1 }).limit(1).next();
    },
    /** `false` when that CRL number was taken by a concurrent re-issue: re-read and try the next. */
    async insertCrl(scope: TenantScope, crl: Omit<CrlRecord, '_id' | 'orgId'>): Promise<boolean> {
      return await insertOnce(crls(db), { ...crl, _id: `${scope.orgId}:${crl.number}`, orgId: scope.orgId });
    },
    /** `$max` so a late writer of an older number never moves it back. */
    async touchCa(scope: TenantScope, crlNumber: number): Promise<void> {
      await cas(db).updateOne({ _id: scope.orgId, orgId: scope.orgId }, { $max: { crlNumber } });
    },
    async latestCrlOf(orgId: string): Promise<CrlRecord | null> {
      return await crls(db).find({ orgId }).sort({ number: -1 }).limit(1).next();
    },
    async insertCertificate(scope: TenantScope, cert: Omit<CertificateRecord, 'orgId'>): Promise<void> {
      await certs(db).insertOne({ ...cert, orgId: scope.orgId });
    },
    /**
     * The certificate with this fingerprint, whatever its organization: the fingerprint of a
     * certificate that completed a handshake (or that a trusted proxy verified) is itself the claim.
     */
    async certificateByFingerprint(sha256: string): Promise<CertificateRecord | null> {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      return await certs(db).findOne({ _id: sha256 });
    },
    async certificates(
      scope: TenantScope,
      filter: { gatewayId?: string } = {},
    ): Promise<CertificateRecord[]> {
      const query = filter.gatewayId
        ? { orgId: scope.orgId, gatewayId: filter.gatewayId }
        : { orgId: scope.orgId };
      return await certs(db).find(query).sort({ issuedAt: -1 }).limit(1000).toArray();
    },
    async markRevoked(scope: TenantScope, sha256: string, at: Date, reason: string): Promise<void> {
      await certs(db).updateOne(
        { _id: sha256, orgId: scope.orgId, revokedAt: { $exists: false } },
        { $set: { revokedAt: at, revocationReason: reason } },
      );
    },
    /** Unexpired certificates that expire before `before`, for the near-expiry gauge. */
    async expiringBefore(now: Date, before: Date): Promise<{ orgId: string }[]> {
      return await certs(db)
        .find(
          { notAfter: { $gt: now, $lte: before }, revokedAt: { $exists: false } },
          { projection: { orgId: 1 } },
        )
        .limit(100_000)
        .toArray();
    },
  };
}

async function insertOnce<T extends { _id: string }>(
  collection: ReturnType<typeof cas> | ReturnType<typeof crls>,
  doc: T,
): Promise<boolean> {
  try {
    await (collection as unknown as { insertOne(d: T): Promise<unknown> }).insertOne(doc);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
}

export type PkiStore = ReturnType<typeof pkiStore>;
