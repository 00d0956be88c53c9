import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  loadSodiumNative,
  nodeCryptoBackend,
  sodiumBackend,
} from '../../../engine/telemetry/ed25519-backends.ts';
import {
  createEd25519Verifier,
  ed25519Backend,
  verifyEd25519,
} from '../../../engine/telemetry/verify-ed25519.ts';
import { rfc8032Vectors } from './rfc8032-vectors.ts';

const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
/** The group order L of Ed25519. */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const le = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).reverse().toString('hex') || '0'}`);
const le32 = (n: bigint) => new Uint8Array(Buffer.from(n.toString(16).padStart(64, '0'), 'hex').reverse());

const sodium = createEd25519Verifier();
const fallback = createEd25519Verifier({
  loadSodium: () => {
    throw new Error('Cannot find module sodium-native');
  },
});
// The libraries themselves, without the seam's strict pre-checks: to document where they differ.
const rawSodium = sodiumBackend(loadSodiumNative);
const rawOpenssl = nodeCryptoBackend();
if (rawSodium instanceof Error) throw rawSodium;

/** S + n·L: the same point equation with a non-canonical S (RFC 8032 §5.1.7 refuses S ≥ L). */
function malleate(signature: Uint8Array, n = 1n): Uint8Array {
  return new Uint8Array([...signature.slice(0, 32), ...le32(le(signature.slice(32)) + n * L)]);
}

/** k = SHA-512(R ‖ A ‖ M) mod L, the challenge both libraries compute. */
function challenge(r: Uint8Array, a: Uint8Array, message: Uint8Array): bigint {
  return le(createHash('sha512').update(r).update(a).update(message).digest()) % L;
}

const IDENTITY = hex(`01${'00'.repeat(31)}`);
const ORDER8 = hex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
const ZERO32 = new Uint8Array(32);

/** An RFC 8032 secret key (the 32-byte seed) as a node:crypto private key. */
const privateKeyOf = (secret: string) =>
  createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(secret, 'hex')]),
    format: 'der',
    type: 'pkcs8',
  });

/** A message whose challenge under (R = identity, A) is ≡ 0 mod 8, so S = 0 satisfies R = S·B − k·A. */
function messageWithChallengeDivisibleBy8(a: Uint8Array): Uint8Array {
  for (let i = 0; ; i++) {
    const message = new TextEncoder().encode(`order8-${i}`);
    if (challenge(IDENTITY, a, message) % 8n === 0n) return message;
  }
}

/** R = identity and S = k·a mod L with TEST 1's real key: the equation holds with a small-order R. */
function smallOrderR(): { message: Uint8Array; signature: Uint8Array; publicKey: Uint8Array } {
  const [, secret, publicKey] = rfc8032Vectors[0];
  const h = createHash('sha512').update(hex(secret)).digest();
  h[0]! &= 248;
  h[31]! &= 127;
  h[31]! |= 64;
  const message = new TextEncoder().encode('small-order R');
  const s = (challenge(IDENTITY, hex(publicKey), message) * le(h.subarray(0, 32))) % L;
  return { message, signature: new Uint8Array([...IDENTITY, ...le32(s)]), publicKey: hex(publicKey) };
}

interface EdgeCase {
  name: string;
  message: Uint8Array;
  signature: Uint8Array;
  publicKey: Uint8Array;
  /** What OpenSSL (node:crypto) says without the seam's pre-checks; libsodium refuses them all. */
  openssl: boolean;
}

/** A forgery attempt with R = identity and S = 0 unless given: valid when k·A = identity. */
const forged = (name: string, publicKey: Uint8Array, openssl: boolean, rest: Partial<EdgeCase> = {}) => ({
  name,
  message: hex('65646765'),
  signature: new Uint8Array([...IDENTITY, ...ZERO32]),
  publicKey,
  openssl,
  ...rest,
});

const edgeCases: EdgeCase[] = [
  // A = identity, R = identity, S = 0 "verifies" every message under OpenSSL.
  forged('identity A, identity R, S = 0', IDENTITY, true),
  forged('non-canonical identity A (y = p + 1)', hex(`ee${'ff'.repeat(30)}7f`), true),
  forged('identity A with the sign bit set (−0)', hex(`01${'00'.repeat(30)}80`), true),
  forged('order-8 A, k ≡ 0 mod 8', ORDER8, true, { message: messageWithChallengeDivisibleBy8(ORDER8) }),
  { name: 'small-order R with a real key', ...smallOrderR(), openssl: true },
  forged('A with y = p (non-canonical 0)', hex(`ed${'ff'.repeat(30)}7f`), false),
  forged('non-canonical R (y = p + 1), identity A', IDENTITY, false, {
    signature: new Uint8Array([...hex(`ee${'ff'.repeat(30)}7f`), ...ZERO32]),
  }),
  forged('identity A, S = L', IDENTITY, false, { signature: new Uint8Array([...IDENTITY, ...le32(L)]) }),
  forged('A off the curve', hex(`02${'00'.repeat(31)}`), false, {
    message: hex('72'),
    signature: hex(rfc8032Vectors[1][4]),
  }),
];

describe('verifyEd25519 (the one Ed25519 seam)', () => {
  it('loads sodium-native here and reports it; a loader that fails falls back to node:crypto', () => {
    expect(ed25519Backend()).toEqual({ name: 'sodium-native' });
    expect(sodium.backend).toEqual({ name: 'sodium-native' });
    expect(fallback.backend).toEqual({
      name: 'node:crypto',
      fallback_reason: 'Cannot find module sodium-native',
    });
    const hollow = createEd25519Verifier({ loadSodium: () => ({}) });
    expect(hollow.backend.name).toBe('node:crypto');
    expect(hollow.backend.fallback_reason).toMatch(/crypto_sign_verify_detached/);
  });

  it.each(rfc8032Vectors)('accepts %s with both backends', (_name, secret, publicKey, message, signature) => {
    // The vector is what node:crypto signs with that secret key, too.
    const key = privateKeyOf(secret);
    expect(sign(null, hex(message), key).toString('hex')).toBe(signature);
    expect(createPublicKey(key).export({ format: 'jwk' }).x).toBe(
      Buffer.from(publicKey, 'hex').toString('base64url'),
    );
    for (const v of [sodium, fallback])
      expect(v.verify(hex(message), hex(signature), hex(publicKey))).toBe(true);
    expect(verifyEd25519(hex(message), hex(signature), hex(publicKey))).toBe(true);
  });

  it.each(rfc8032Vectors)(
    'gives the same answer with both backends on forms of %s',
    (_n, _s, publicKey, message, signature) => {
      const sig = hex(signature);
      const forms: [string, Uint8Array, Uint8Array, Uint8Array][] = [
        ['message with a byte appended', hex(`${message}00`), sig, hex(publicKey)],
        ['S + L', hex(message), malleate(sig), hex(publicKey)],
        ['S + 15·L', hex(message), malleate(sig, 15n), hex(publicKey)],
        [
          'wrong key',
          hex(message),
          sig,
          hex(rfc8032Vectors[(rfc8032Vectors.findIndex((v) => v[2] === publicKey) + 1) % 5]![2]),
        ],
        ['63-byte signature', hex(message), sig.slice(0, 63), hex(publicKey)],
        ['31-byte key', hex(message), sig, hex(publicKey).slice(0, 31)],
        ['identity key', hex(message), sig, IDENTITY],
      ];
      // Every single bit of the signature flipped.
      for (let bit = 0; bit < 512; bit++) {
        const flipped = sig.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        forms.push([`bit ${bit} flipped`, hex(message), flipped, hex(publicKey)]);
      }
      for (const [form, m, s, k] of forms) {
        expect([form, sodium.verify(m, s, k), fallback.verify(m, s, k)]).toEqual([form, false, false]);
      }
    },
  );

  it.each(edgeCases)('refuses $name with both backends', ({ message, signature, publicKey, openssl }) => {
    // Where the libraries differ: OpenSSL accepts small-order and non-canonical keys and small-order R;
    // libsodium refuses them. The seam applies libsodium's rules first, so both backends refuse.
    expect(rawOpenssl.verify(message, signature, publicKey)).toBe(openssl);
    expect(rawSodium.verify(message, signature, publicKey)).toBe(false);
    expect(sodium.verify(message, signature, publicKey)).toBe(false);
    expect(fallback.verify(message, signature, publicKey)).toBe(false);
  });

  it('agrees across backends on random messages, keys evicted from the KeyObject cache and key views', () => {
    const keys = rfc8032Vectors.map(([, secret, publicKey]) => ({
      // A view at an offset, as `ed25519KeyFromDidKey` returns it.
      publicKey: new Uint8Array([0xed, 0x01, ...hex(publicKey)]).subarray(2),
      privateKey: privateKeyOf(secret),
    }));
    const tiny = nodeCryptoBackend(2);
    for (let i = 0; i < 200; i++) {
      const signer = keys[i % 5]!;
      const claimed = keys[(i * 7 + (i >> 2)) % 5]!;
      const message = createHash('sha256').update(String(i)).digest();
      const signature = new Uint8Array(sign(null, message, signer.privateKey));
      const expected = signer === claimed;
      expect([i, sodium.verify(message, signature, claimed.publicKey)]).toEqual([i, expected]);
      expect([i, fallback.verify(message, signature, claimed.publicKey)]).toEqual([i, expected]);
      expect([i, tiny.verify(message, signature, claimed.publicKey)]).toEqual([i, expected]);
    }
  });
});
