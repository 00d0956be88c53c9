import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase58btc,
  didKeyFromEd25519Key,
  ed25519KeyFromDidKey,
  encodeBase58btc,
} from '../../../engine/telemetry/index.ts';

describe('did:key and base58btc', () => {
  it('decodes the did:key test vector of the W3C CCG spec', () => {
    const key = ed25519KeyFromDidKey('did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp');
    expect(Buffer.from(key!).toString('hex')).toBe(
      '3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29',
    );
  });

  it('round-trips a generated key', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const did = didKeyFromEd25519Key(raw);
    expect(did).toMatch(/^did:key:z6Mk/);
    expect(Buffer.from(ed25519KeyFromDidKey(did)!)).toEqual(raw);
    expect(Buffer.from(ed25519KeyFromDidKey(`${did}#${did.slice(8)}`)!)).toEqual(raw);
  });

  it('round-trips arbitrary bytes through base58btc', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        if (bytes.length === 0) return;
        expect(Buffer.from(decodeBase58btc(encodeBase58btc(bytes))!)).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it.each([
    ['another DID method', 'did:web:example.com'],
    ['a non-Ed25519 key (X25519)', 'did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc'],
    ['characters outside the alphabet', 'did:key:z6Mk0OIl'],
    ['an empty key', 'did:key:z'],
    ['an oversized key', `did:key:z${'2'.repeat(1000)}`],
  ])('returns undefined for %s', (_name, did) => {
    expect(ed25519KeyFromDidKey(did)).toBeUndefined();
  });
});
