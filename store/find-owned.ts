import type { Collection, Document, WithId } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/**
 * One tenant document by id: a lookup by `_id` alone, then the organization check on the document.
 * Ids are globally unique, so this is the same answer as `findOne({ orgId, _id })` — another
 * organization's document reads as absent — but MongoDB-wire servers serve a bare `_id` equality
 * from the primary key, while FerretDB's SQLite backend scans on the compound filter (≈376 ms vs
 * ≈5 ms measured on a loaded database). The scope parameter keeps tenancy enforced by type.
 */
export async function findOwned<T extends Document & { _id: string; orgId: string }>(
  collection: Collection<T>,
  scope: TenantScope,
  id: string,
): Promise<WithId<T> | null> {
  if (typeof id !== 'string') return null;
  const doc = await collection.findOne({ _id: id } as never);
  return doc && doc.orgId === scope.orgId ? doc : null;
}
