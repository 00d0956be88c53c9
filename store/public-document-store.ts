import { type Db, MongoServerError } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/**
 * The index behind the public, content-addressed document route (`GET /v1/public/documents/{hash}`):
 * the Merkle root of an issuance's report anchor → the issuance whose trust-chain bundle it names.
 * An auditor who starts from a token reads that root on the mirror node (the mint's memo names the
 * anchor) and fetches the bundle by it; the bytes are trusted only through the anchored hash, so
 * serving them needs no credential. Keyed by the hash alone (`_id`), so the lookup is a primary-key
 * read on every MongoDB-wire server, and a published hash is never re-pointed.
 */
export interface PublicDocumentRecord {
  /** Lower-case hex SHA-256 Merkle root, as anchored. */
  _id: string;
  orgId: string;
  kind: 'trust-chain';
  issuanceId: string;
  publishedAt: Date;
}

const HASH = /^[0-9a-f]{64}$/;
const collection = (db: Db) => db.collection<PublicDocumentRecord>('public_documents');

export function publicDocumentStore(db: Db) {
  return {
    /**
     * Publishes an issuance's bundle under its report root. Idempotent; the first publication of a
     * hash wins (a root is the hash of one organization's signed report, so a second, different
     * claim on it is refused rather than re-pointing what auditors already fetched).
     * @returns false when the hash is already published for another issuance
     */
    async publish(scope: TenantScope, hash: string, issuanceId: string, at: Date): Promise<boolean> {
      if (!HASH.test(hash)) throw new TypeError(`not a document hash: '${hash.slice(0, 80)}'`);
      try {
        await collection(db).insertOne({
          _id: hash,
          orgId: scope.orgId,
          kind: 'trust-chain',
          issuanceId,
          publishedAt: at,
        });
        return true;
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
        const existing = await collection(db).findOne({ _id: hash });
        return existing?.orgId === scope.orgId && existing.issuanceId === issuanceId;
      }
    },

    /**
     * Which organization's issuance a public hash names. Deliberately unscoped: the caller is an
     * anonymous auditor, and what it reaches is only what an organization published for everyone.
     */
    async locate(hash: string): Promise<Pick<PublicDocumentRecord, 'orgId' | 'issuanceId'> | null> {
      if (!HASH.test(hash)) return null;
      const found = await collection(db).findOne({ _id: hash });
      return found ? { orgId: found.orgId, issuanceId: found.issuanceId } : null;
    },
  };
}
