import { createHash } from 'node:crypto';

/** A credential's stable id, from its organization and idempotency key (a retry issues the same id). */
export function credentialIdFor(orgId: string, key: string): string {
  return `urn:mrv:credential:${createHash('sha256').update(`${orgId}\n${key}`).digest('hex').slice(0, 40)}`;
}
