import { randomBytes, webcrypto } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CRLNumber, id_ce_cRLNumber } from '@peculiar/asn1-x509';
import type { Db } from 'mongodb';
import type { KeyStore } from '../identity/key-store.ts';
import { type CertificateRecord, type CrlRecord, type IssuingCa, pkiStore } from '../store/pki-store.ts';
import type { TenantScope } from '../store/tenant-scope.ts';
import { fingerprintOf } from './fingerprint.ts';
import { PkiError } from './pki-error.ts';
import { x509 } from './x509-provider.ts';

const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;
/** Certificates live at most this long (the issue's bound); renewals overlap the old certificate. */
export const MAX_CERT_DAYS = 90;
const CA_YEARS = 10;
/** How long a CRL is valid; every revocation re-issues it, and GET /v1/pki/crl.pem renews it at half-life. */
export const CRL_VALIDITY_MS = 7 * DAY_MS;

export interface PkiDeps {
  db: Db;
  keyStore: KeyStore;
  clock: () => Date;
}

/** A positive 128-bit serial (RFC 5280 §4.1.2.2: at most 20 octets, non-negative). */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
}

function caName(orgId: string): string {
  return `CN=MRV gateway CA ${orgId}, O=${orgId}`;
}

/**
 * The organization's issuing CA, created on first use: an ECDSA P-256 key sealed in the KeyStore, a
 * self-signed CA certificate (path length 0: it signs gateway certificates only) and an empty CRL.
 * Concurrent first uses race on the unique `pki_cas` `_id`; the loser's key stays unused.
 */
export async function ensureIssuingCa(deps: PkiDeps, scope: TenantScope): Promise<IssuingCa> {
  const store = pkiStore(deps.db);
  const existing = await store.ca(scope);
  if (existing) return existing;
  const now = deps.clock();
  const keyId = `pki-ca-${randomBytes(8).toString('hex')}`;
  const info = await deps.keyStore.createCaKey({ orgId: scope.orgId, keyId, createdAt: now.toISOString() });
  const spki = Buffer.from(info.publicKeyMultibase.slice(1), 'base64url');
  const publicKey = await webcrypto.subtle.importKey(
    'spki',
    spki,
    { name: 'ECDSA', namedCurve: 'P-256' },
    true,
    ['verify'],
  );
  const notAfter = new Date(now.getTime() + CA_YEARS * 365 * DAY_MS);
  const cert = await deps.keyStore.withCaKey({ orgId: scope.orgId, keyId }, async (signingKey) =>
    x509.X509CertificateGenerator.create({
      serialNumber: newSerial(),
      subject: caName(scope.orgId),
      issuer: caName(scope.orgId),
      notBefore: new Date(now.getTime() - 60_000),
      notAfter,
      signingAlgorithm: SIGNING,
      publicKey,
      signingKey,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(publicKey),
      ],
    }),
  );
  const ca = { keyId, certPem: cert.toString('pem'), notAfter, createdAt: now };
  if (!(await store.insertCa(scope, ca))) return (await store.ca(scope))!;
  await issueCrl(deps, scope);
  return { ...ca, _id: scope.orgId, orgId: scope.orgId };
}

/** What an issued certificate says: who it is for and which DIDs it speaks for. */
export interface CertificateRequest {
  gatewayId: string;
  publicKey: x509.PublicKey;
  deviceDids: string[];
  /** Defaults: now − 1 min … now + 90 days; tests pass past or future windows. */
  notBefore?: Date;
  notAfter?: Date;
}

export async function issueGatewayCertificate(
  deps: PkiDeps,
  scope: TenantScope,
  request: CertificateRequest,
): Promise<CertificateRecord> {
  const ca = await ensureIssuingCa(deps, scope);
  const caCert = new x509.X509Certificate(ca.certPem);
  const now = deps.clock();
  const notBefore = request.notBefore ?? new Date(now.getTime() - 60_000);
  const notAfter = request.notAfter ?? new Date(now.getTime() + MAX_CERT_DAYS * DAY_MS);
  if (notAfter.getTime() - notBefore.getTime() > MAX_CERT_DAYS * DAY_MS + 60_000) {
    throw new PkiError('CERTIFICATE_REFUSED', `a certificate lives at most ${MAX_CERT_DAYS} days`);
  }
  const serial = newSerial();
  const names: x509.JsonGeneralName[] = [
    { type: 'url', value: `urn:mrv:gateway:${request.gatewayId}` },
    ...request.deviceDids.map((did) => ({ type: 'url' as const, value: did })),
  ];
  const cert = await deps.keyStore.withCaKey({ orgId: scope.orgId, keyId: ca.keyId }, async (signingKey) =>
    x509.X509CertificateGenerator.create({
      serialNumber: serial,
      subject: `CN=${request.gatewayId}, O=${scope.orgId}`,
      issuer: caCert.subject,
      notBefore,
      notAfter,
      signingAlgorithm: SIGNING,
      publicKey: request.publicKey,
      signingKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth], false),
        new x509.SubjectAlternativeNameExtension(names, false),
        await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
      ],
    }),
  );
  const record: Omit<CertificateRecord, 'orgId'> = {
    _id: fingerprintOf(cert.rawData),
    gatewayId: request.gatewayId,
    serial,
    deviceDids: request.deviceDids,
    notBefore,
    notAfter,
    pem: cert.toString('pem'),
    issuedAt: now,
  };
  await pkiStore(deps.db).insertCertificate(scope, record);
  return { ...record, orgId: scope.orgId };
}

/**
 * Re-issues the organization's CRL from every revoked certificate, as the next CRL number. Two
 * concurrent re-issues race on the unique number; the loser re-reads and tries the next.
 */
export async function issueCrl(deps: PkiDeps, scope: TenantScope): Promise<CrlRecord> {
  const store = pkiStore(deps.db);
  const ca = await store.ca(scope);
  if (!ca) throw new PkiError('NO_CA', 'this organization has no CA yet');
  const caCert = new x509.X509Certificate(ca.certPem);
  for (let attempt = 0; attempt < 10; attempt++) {
    const latest = await store.latestCrl(scope);
    const revoked = (await store.certificates(scope))
      .filter((c) => c.revokedAt)
      .map((c) => ({
        serial: c.serial,
        sha256: c._id,
        revokedAt: c.revokedAt!,
        reason: c.revocationReason ?? '',
      }));
    const number = (latest?.number ?? 0) + 1;
    const thisUpdate = deps.clock();
    const nextUpdate = new Date(thisUpdate.getTime() + CRL_VALIDITY_MS);
    const crl = await deps.keyStore.withCaKey({ orgId: scope.orgId, keyId: ca.keyId }, async (signingKey) =>
      x509.X509CrlGenerator.create({
        issuer: caCert.subject,
        thisUpdate,
        nextUpdate,
        signingAlgorithm: SIGNING,
        signingKey,
        entries: revoked.map((r) => ({ serialNumber: r.serial, revocationDate: r.revokedAt })),
        extensions: [
          await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
          new x509.Extension(id_ce_cRLNumber, false, AsnConvert.serialize(new CRLNumber(number))),
        ],
      }),
    );
    const record = {
      number,
      pem: x509.PemConverter.encode(crl.rawData, 'X509 CRL'),
      thisUpdate,
      nextUpdate,
      revoked,
    };
    if (await store.insertCrl(scope, record)) {
      await store.touchCa(scope, number);
      return { ...record, _id: `${scope.orgId}:${number}`, orgId: scope.orgId };
    }
  }
  throw new PkiError('CRL_CONFLICT', 'the CRL is being re-issued concurrently; retry');
}

/** Revokes certificates (by fingerprint) and re-issues the CRL once; unknown or revoked ones are skipped. */
export async function revokeCertificates(
  deps: PkiDeps,
  scope: TenantScope,
  fingerprints: string[],
  reason: string,
): Promise<number> {
  const store = pkiStore(deps.db);
  const at = deps.clock();
  let count = 0;
  for (const sha256 of fingerprints) {
    const cert = await store.certificateByFingerprint(sha256);
    if (!cert || cert.orgId !== scope.orgId || cert.revokedAt) continue;
    await store.markRevoked(scope, sha256, at, reason);
    count += 1;
  }
  if (count > 0) await issueCrl(deps, scope);
  return count;
}
