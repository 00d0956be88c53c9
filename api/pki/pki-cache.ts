import { X509Certificate } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Logger } from '../../observability/logger.ts';
import { pkiCertificatesExpiringSoon } from '../../observability/metrics.ts';
import { type CertificateRecord, pkiStore } from '../../store/pki-store.ts';

/** How often every API instance re-reads the CAs' CRL numbers: the bound on revocation staleness. */
export const PKI_REFRESH_MS = 1000;
const EXPIRY_WINDOW_MS = 14 * 86_400_000;
const EXPIRY_GAUGE_MS = 60_000;
/** Records change only by revocation, which the revoked set decides: they may be cached a while. */
const RECORD_TTL_MS = 60_000;

interface CaEntry {
  cert: X509Certificate;
  pem: string;
  crlNumber: number;
}

/**
 * What the handshake and every request check, in memory: the organization CAs, the fingerprints of
 * revoked certificates and recently looked-up certificate records. Every `PKI_REFRESH_MS` it reads
 * the CAs' CRL numbers (one small query) and reloads the CRL of any organization whose number
 * changed, so a revocation made through any instance is seen by all within about a second (the
 * documented bound is 5 s: at most 3 refresh periods plus a slow query). Revocations through this
 * instance apply at once (`refreshNow()` after each). Certificate records are cached for a minute, but
 * revocation is always decided by the revoked set, never by a cached record.
 */
export function createPkiCache(options: { db: Db; logger: Logger; refreshMs?: number; clock?: () => Date }) {
  const store = pkiStore(options.db);
  const refreshMs = options.refreshMs ?? PKI_REFRESH_MS;
  const clock = options.clock ?? (() => new Date());
  const cas = new Map<string, CaEntry>();
  const revokedByOrg = new Map<string, Set<string>>();
  const records = new Map<string, { record: CertificateRecord | null; until: number }>();
  const listeners = new Set<() => void>();
  let refreshedAt = 0;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let gaugeAt = 0;

  async function load(): Promise<void> {
    let caSetChanged = false;
    for (const ca of await store.allCas()) {
      const known = cas.get(ca.orgId);
      const number = ca.crlNumber ?? 0;
      if (!known) {
        cas.set(ca.orgId, { cert: new X509Certificate(ca.certPem), pem: ca.certPem, crlNumber: -1 });
        caSetChanged = true;
      }
      const entry = cas.get(ca.orgId)!;
      if (entry.crlNumber !== number) {
        const crl = await store.latestCrlOf(ca.orgId);
        revokedByOrg.set(ca.orgId, new Set((crl?.revoked ?? []).map((r) => r.sha256)));
        entry.crlNumber = crl?.number ?? number;
      }
    }
    refreshedAt = Date.now();
    if (caSetChanged) for (const listener of listeners) listener();
    if (refreshedAt - gaugeAt > EXPIRY_GAUGE_MS) {
      gaugeAt = refreshedAt;
      await updateExpiryGauge();
    }
  }

  async function updateExpiryGauge(): Promise<void> {
    const now = clock();
    const soon = await store.expiringBefore(now, new Date(now.getTime() + EXPIRY_WINDOW_MS));
    const counts = new Map<string, number>([...cas.keys()].map((org) => [org, 0]));
    for (const { orgId } of soon) counts.set(orgId, (counts.get(orgId) ?? 0) + 1);
    for (const [organization, count] of counts) pkiCertificatesExpiringSoon.set({ organization }, count);
  }

  function refresh(): Promise<void> {
    running ??= load()
      .catch((error) =>
        options.logger.error({ err: error }, 'PKI cache refresh failed; keeping the last state'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    refresh,
    /** A refresh that starts after this call (not one already under way): after our own writes. */
    async refreshNow(): Promise<void> {
      await running;
      await refresh();
    },
    /**
     * Makes sure the state is within the staleness bound before a request is decided. With the timer
     * running (the mTLS listener) a request waits only if the timer fell 3 periods behind, so the
     * refresh stays off the request path; without it (plain listener, proxy mode) a request refreshes
     * when the state is older than one period.
     */
    async fresh(): Promise<void> {
      const age = Date.now() - refreshedAt;
      if (age >= (timer ? 3 * refreshMs : refreshMs)) await refresh();
    },
    start(): void {
      timer ??= setInterval(() => void refresh(), refreshMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    /** Told when an organization CA appears (the listener then rebuilds its trust store). */
    onCaChange(listener: () => void): void {
      listeners.add(listener);
    },
    caPems(): string[] {
      return [...cas.values()].map((c) => c.pem);
    },
    caOf(orgId: string): X509Certificate | undefined {
      return cas.get(orgId)?.cert;
    },
    isRevoked(orgId: string, sha256: string): boolean {
      return revokedByOrg.get(orgId)?.has(sha256) ?? false;
    },
    /** The record of an issued certificate by fingerprint (cached 5 s; unknown ones 1 s). */
    async certificate(sha256: string): Promise<CertificateRecord | null> {
      const now = Date.now();
      const hit = records.get(sha256);
      if (hit && hit.until > now) return hit.record;
      const record = await store.certificateByFingerprint(sha256);
      if (records.size > 10_000) records.clear();
      records.set(sha256, { record, until: now + (record ? RECORD_TTL_MS : 1000) });
      return record;
    },
    updateExpiryGauge,
  };
}

export type PkiCache = ReturnType<typeof createPkiCache>;
