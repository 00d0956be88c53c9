import { encodeBase58btc } from './base58btc.ts';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ANY = '[1-9A-HJ-NP-Za-km-z]';

/** The base58 digits as a regex character class, runs of consecutive code points as ranges. */
function charClass(digits: string): string | undefined {
  if (digits.length === 0) return undefined;
  let out = '';
  for (let i = 0; i < digits.length; ) {
    let j = i;
    while (j + 1 < digits.length && digits.charCodeAt(j + 1) === digits.charCodeAt(j) + 1) j++;
    out += j - i >= 2 ? `${digits[i]}-${digits[j]}` : digits.slice(i, j + 1);
    i = j + 1;
  }
  return `[${out}]`;
}

const above = (d: string) => charClass(ALPHABET.slice(ALPHABET.indexOf(d) + 1));
const below = (d: string) => charClass(ALPHABET.slice(0, ALPHABET.indexOf(d)));
const between = (a: string, b: string) =>
  charClass(ALPHABET.slice(ALPHABET.indexOf(a) + 1, ALPHABET.indexOf(b)));

const any = (n: number) => (n === 0 ? '' : n === 1 ? ANY : `${ANY}{${n}}`);

/** Strings of `bound.length` base58 digits ≥ bound (`side` 'min') or ≤ bound ('max'), as a regex. */
function beyond(bound: string, side: 'min' | 'max'): string {
  if (bound.length === 0) return '';
  const [first, rest] = [bound[0]!, bound.slice(1)];
  const step = side === 'min' ? above(first) : below(first);
  const options = [`${first}${beyond(rest, side)}`];
  if (step) options.push(`${step}${any(rest.length)}`);
  return options.length === 1 ? options[0]! : `(?:${options.join('|')})`;
}

/**
 * A regular expression matching exactly the DIDs `ed25519KeyFromDidKey` accepts without a fragment:
 * `did:key:z` and the base58btc encoding of 0xed 0x01 and 32 bytes. Base58 of a fixed-length number
 * orders like the number, so the set is the interval between the encodings of the smallest and the
 * largest key; a plain `z6Mk…{44}` pattern also admits ~2/3 strings that decode to no key. It lets
 * an OpenAPI document state the rule, so a schema-valid DID is always a key.
 *
 * @example
 * new RegExp(ed25519DidKeyPattern()).test('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK') // true
 */
export function ed25519DidKeyPattern(): string {
  const lo = encodeBase58btc(Uint8Array.from([0xed, 0x01, ...new Array(32).fill(0)]));
  const hi = encodeBase58btc(Uint8Array.from([0xed, 0x01, ...new Array(32).fill(0xff)]));
  let shared = 0;
  while (lo[shared] === hi[shared]) shared++;
  const tail = lo.length - shared - 1;
  const options = [
    `${lo[shared]}${beyond(lo.slice(shared + 1), 'min')}`,
    `${hi[shared]}${beyond(hi.slice(shared + 1), 'max')}`,
  ];
  const middle = between(lo[shared]!, hi[shared]!);
  if (middle) options.push(`${middle}${any(tail)}`);
  return `^did:key:z${lo.slice(0, shared)}(?:${options.join('|')})$`;
}
