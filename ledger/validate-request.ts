import { LedgerError } from './ledger-error.ts';

const ENTITY_ID = /^\d{1,10}\.\d{1,10}\.\d{1,19}$/;
const MAX_INT64 = 9_223_372_036_854_775_807n;

/** Input checks shared by the adapter's operations; all refusals are `LedgerError('INVALID_REQUEST')`. */
export const check = {
  scope(orgId: unknown, key: unknown): void {
    text('orgId', orgId, 128);
    text('idempotencyKey', key, 256);
  },
  entityId(name: string, value: unknown): void {
    if (typeof value !== 'string' || !ENTITY_ID.test(value))
      invalid(`${name} must be a Hedera entity id (0.0.x)`);
  },
  /** A positive (or, with `allowZero`, non-negative) int64 in smallest units; returns its decimal form. */
  amount(name: string, value: unknown, allowZero = false): string {
    let n: bigint;
    try {
      if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error('unsafe');
      if (typeof value === 'string' && !/^\d{1,19}$/.test(value)) throw new Error('not digits');
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint')
        throw new Error('type');
      n = BigInt(value);
    } catch {
      return invalid(`${name} must be an integer amount in the token's smallest unit`);
    }
    if (n < (allowZero ? 0n : 1n) || n > MAX_INT64)
      invalid(`${name} must be between ${allowZero ? 0 : 1} and 2^63-1`);
    return n.toString();
  },
  text(name: string, value: unknown, maxBytes: number): void {
    text(name, value, maxBytes);
  },
  optionalText(name: string, value: unknown, maxBytes: number): void {
    if (value !== undefined) text(name, value, maxBytes);
  },
  /** Hex of a raw 32-byte Ed25519 public key, or absent; returns it lower-cased. */
  controlKey(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !/^[0-9a-fA-F]{64}$/.test(value))
      invalid('controlKey must be the hex of a raw Ed25519 public key (64 hex digits)');
    return value.toLowerCase();
  },
  integer(name: string, value: unknown, min: number, max: number): void {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
      invalid(`${name} must be an integer from ${min} to ${max}`);
    }
  },
};

function text(name: string, value: unknown, maxBytes: number): void {
  if (typeof value !== 'string' || value.length === 0) invalid(`${name} must be a non-empty string`);
  if (Buffer.byteLength(value as string, 'utf8') > maxBytes)
    invalid(`${name} is longer than ${maxBytes} bytes`);
  // Control characters in keys and memos end up in logs and on the public ledger.
  if (/\p{Cc}/u.test(value as string)) invalid(`${name} contains control characters`);
}

function invalid(message: string): never {
  throw new LedgerError('INVALID_REQUEST', message);
}
