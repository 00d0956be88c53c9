const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Longest input we decode: did:key values are ~48 characters; this bounds the O(n²) work. */
const MAX_INPUT = 256;

/**
 * Decodes Bitcoin base58 (the multibase `z` alphabet). Returns undefined for any character outside
 * the alphabet or an over-long input — callers treat that as "not a key", never as an exception.
 *
 * @example
 * decodeBase58btc('2NEpo7TZRRrLZSi2U') // bytes of 'Hello World!'
 */
export function decodeBase58btc(text: string): Uint8Array | undefined {
  if (text.length === 0 || text.length > MAX_INPUT) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? INDEX[code]! : -1;
    if (digit < 0) return undefined;
    let carry = digit;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  // Each leading '1' encodes a leading zero byte.
  for (let i = 0; i < text.length && text[i] === '1'; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/**
 * Encodes bytes as Bitcoin base58 (no multibase prefix).
 *
 * @example
 * encodeBase58btc(new TextEncoder().encode('Hello World!')) // '2NEpo7TZRRrLZSi2U'
 */
export function encodeBase58btc(bytes: Uint8Array): string {
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) out += '1';
  for (let i = digits.length - 1; i >= 0; i--) out += ALPHABET[digits[i]!];
  return out;
}
