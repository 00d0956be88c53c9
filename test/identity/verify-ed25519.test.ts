import { createPrivateKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyEd25519Bytes } from '../../identity/verify-ed25519.ts';

/** RFC 8032 §7.1 test vectors 1–3 (secret key, public key, message, signature; hex). */
const vectors = [
  [
    '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    '',
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  ],
  [
    '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    '72',
    '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  ],
  [
    'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    'af82',
    '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  ],
] as const;

const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
/** The group order L of Ed25519. */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

/** S + L: the same point equation, a non-canonical S that strict verifiers (RFC 8032 §5.1.7) refuse. */
function malleate(signature: Uint8Array): Uint8Array {
  const s = BigInt(`0x${Buffer.from(signature.slice(32)).reverse().toString('hex')}`) + L;
  const bytes = Buffer.from(s.toString(16).padStart(64, '0'), 'hex').reverse();
  return new Uint8Array([...signature.slice(0, 32), ...bytes]);
}

describe('verifyEd25519Bytes (the trust-chain signature seam)', () => {
  it.each(vectors)('accepts RFC 8032 vector with public key %#', (secret, publicKey, message, signature) => {
    // The vector is what node:crypto signs with that secret key, too.
    const key = createPrivateKey({
      key: Buffer.concat([
        Buffer.from('302e020100300506032b657004220420', 'hex'),
        Buffer.from(secret, 'hex'),
      ]),
      format: 'der',
      type: 'pkcs8',
    });
    expect(sign(null, hex(message), key).toString('hex')).toBe(signature);
    expect(verifyEd25519Bytes(hex(message), hex(signature), hex(publicKey))).toBe(true);
  });

  it.each(vectors)(
    'refuses tampered, malleated and mis-sized forms of vector %#',
    (_s, publicKey, message, signature) => {
      const sig = hex(signature);
      const flipped = sig.slice();
      flipped[10] = flipped[10]! ^ 1;
      expect(verifyEd25519Bytes(hex(message), flipped, hex(publicKey))).toBe(false);
      expect(verifyEd25519Bytes(hex(`${message}00`), sig, hex(publicKey))).toBe(false);
      expect(verifyEd25519Bytes(hex(message), malleate(sig), hex(publicKey))).toBe(false);
      expect(verifyEd25519Bytes(hex(message), sig.slice(0, 63), hex(publicKey))).toBe(false);
      expect(verifyEd25519Bytes(hex(message), sig, hex(publicKey).slice(0, 31))).toBe(false);
      // A small-order public key (the identity point) must not verify anything.
      expect(verifyEd25519Bytes(hex(message), sig, hex(`01${'00'.repeat(31)}`))).toBe(false);
    },
  );
});
