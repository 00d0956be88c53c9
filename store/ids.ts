import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * `length` base62 characters from the CSPRNG (rejection sampling keeps the distribution uniform).
 * Base62 keeps ids and secrets free of `_`, which separates the parts of an API key.
 */
export function randomBase62(length: number, random: (n: number) => Uint8Array = randomBytes): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export type IdPrefix =
  | 'org'
  | 'key'
  | 'pdr'
  | 'pol'
  | 'prj'
  | 'dev'
  | 'rdg'
  | 'iss'
  | 'mnt'
  | 'gw'
  | 'cal'
  | 'ses';

/** A resource id: `<prefix>_<22 base62>` (≈131 bits). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(22)}`;
}

export function isId(prefix: IdPrefix, value: string): boolean {
  return new RegExp(`^${prefix}_[0-9A-Za-z]{22}$`).test(value);
}

/**
 * An id that sorts by creation time: 8 base62 characters of milliseconds, then 14 random ones.
 * Readings use it so cursor pagination by id follows arrival order.
 */
export function newSortableId(prefix: IdPrefix, now: Date): string {
  let ms = Math.max(0, Math.floor(now.getTime()));
  let time = '';
  for (let i = 0; i < 8; i++) {
    time = ALPHABET[ms % 62] + time;
    ms = Math.floor(ms / 62);
  }
  return `${prefix}_${time}${randomBase62(14)}`;
}
