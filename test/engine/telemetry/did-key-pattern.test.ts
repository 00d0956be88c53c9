import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase58btc } from '../../../engine/telemetry/base58btc.ts';
import { didKeyFromEd25519Key, ed25519KeyFromDidKey } from '../../../engine/telemetry/did-key.ts';
import { ed25519DidKeyPattern } from '../../../engine/telemetry/did-key-pattern.ts';

const pattern = new RegExp(ed25519DidKeyPattern(), 'u');
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const didOf = (bytes: number[]) => `did:key:z${encodeBase58btc(Uint8Array.from(bytes))}`;

describe('ed25519DidKeyPattern', () => {
  it('matches the did:key of every Ed25519 key, the smallest and the largest included', () => {
    for (let i = 0; i < 500; i++) expect(didKeyFromEd25519Key(randomBytes(32))).toMatch(pattern);
    expect(didKeyFromEd25519Key(new Uint8Array(32))).toMatch(pattern);
    expect(didKeyFromEd25519Key(new Uint8Array(32).fill(0xff))).toMatch(pattern);
  });

  it('refuses the numbers just outside the Ed25519 range, which decode to another multicodec', () => {
    const below = didOf([0xed, 0x00, ...new Array(32).fill(0xff)]);
    const above = didOf([0xed, 0x02, ...new Array(32).fill(0)]);
    for (const did of [below, above]) {
      expect(did.length).toBe(didKeyFromEd25519Key(new Uint8Array(32)).length);
      expect(ed25519KeyFromDidKey(did)).toBeUndefined();
      expect(did).not.toMatch(pattern);
    }
  });

  it('agrees with ed25519KeyFromDidKey on random strings of the z6Mk… shape', () => {
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const tail = Array.from(randomBytes(44), (b) => ALPHABET[b % 58]).join('');
      const did = `did:key:z6Mk${tail}`;
      const isKey = ed25519KeyFromDidKey(did) !== undefined;
      expect(pattern.test(did), did).toBe(isKey);
      if (isKey) matched++;
    }
    // Both answers occur: the looser z6Mk pattern admits strings that are no key.
    expect(matched).toBeGreaterThan(0);
    expect(matched).toBeLessThan(3000);
  });
});
