import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { randomBase62 } from '../../store/ids.ts';

const PREFIX = 'mrv_live_';
const FORMAT = /^mrv_live_([0-9A-Za-z]{22})_([0-9A-Za-z]{22})_([0-9A-Za-z]{43})$/;

/**
 * API keys read `mrv_live_<org>_<key>_<secret>`. The organization and key ids are in the clear so the
 * key is found by (orgId, keyId) — every lookup stays inside one tenant — and the 256-bit secret is
 * checked against a salted SHA-256. A slow KDF buys nothing for random secrets of that size and would
 * cost every request.
 */
export interface ParsedApiKey {
  orgId: string;
  keyId: string;
  secret: string;
  /** The part that may be shown again: `mrv_live_<org>_<key>`. */
  prefix: string;
}

export function parseApiKey(value: string): ParsedApiKey | null {
  const match = FORMAT.exec(value);
  if (!match) return null;
  const [, org, key, secret] = match as unknown as [string, string, string, string];
  return { orgId: `org_${org}`, keyId: `key_${key}`, secret, prefix: `${PREFIX}${org}_${key}` };
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function newApiKey(input: { orgId: string; keyId: string }): {
  key: string;
  prefix: string;
  salt: string;
  hash: string;
} {
  const prefix = `${PREFIX}${input.orgId.slice(4)}_${input.keyId.slice(4)}`;
  const secret = randomBase62(43);
  const salt = randomBytes(16).toString('base64url');
  return { key: `${prefix}_${secret}`, prefix, salt, hash: hashSecret(secret, salt) };
}

export function hashSecret(secret: string, salt: string): string {
  return createHash('sha256').update(salt).update(':').update(secret).digest('base64url');
}

export function secretMatches(secret: string, record: { salt: string; hash: string }): boolean {
  const a = Buffer.from(hashSecret(secret, record.salt));
  const b = Buffer.from(record.hash);
  return a.length === b.length && timingSafeEqual(a, b);
}
