import { describe, expect, it } from 'vitest';
import {
  decodeAnchorMessage,
  encodeAnchorMessage,
  MAX_ANCHOR_MESSAGE_BYTES,
} from '../../../engine/anchoring/anchor-message.ts';
import { hashDocument } from '../../../engine/anchoring/hash-document.ts';

const anchor = {
  root: hashDocument('root'),
  count: 1000,
  policyHash: `sha256:${hashDocument('policy')}`,
  period: '2025-01-01/2025-01-31',
};
const bytes = (s: string) => new TextEncoder().encode(s);

describe('encodeAnchorMessage', () => {
  it('encodes canonical JSON that decodes to the same anchor', () => {
    const encoded = encodeAnchorMessage(anchor);
    const text = new TextDecoder().decode(encoded);
    expect(text.startsWith('{"count":1000,"period":"2025-01-01/2025-01-31","policy":"sha256:')).toBe(true);
    expect(text.endsWith('","type":"mrv.anchor","v":1}')).toBe(true);
    expect(decodeAnchorMessage(encoded)).toEqual(anchor);
  });

  it('stays within 1024 bytes at the largest field sizes', () => {
    const largest = {
      root: 'f'.repeat(64),
      count: Number.MAX_SAFE_INTEGER,
      policyHash: `${'a'.repeat(16)}:${'e'.repeat(128)}`,
      period: `2${'9'.repeat(63)}`,
    };
    expect(encodeAnchorMessage(largest).length).toBeLessThanOrEqual(MAX_ANCHOR_MESSAGE_BYTES);
  });

  it.each([
    ['a root that is not hex', { root: 'x'.repeat(64) }],
    ['an uppercase root', { root: anchor.root.toUpperCase() }],
    ['a zero count', { count: 0 }],
    ['a fractional count', { count: 1.5 }],
    ['a count beyond safe integers', { count: 2 ** 53 }],
    ['a policy hash too long', { policyHash: `sha256:${'a'.repeat(130)}` }],
    ['a policy hash with spaces', { policyHash: 'sha256: abc' }],
    ['an empty period', { period: '' }],
    ['a period with a quote', { period: '2025"01' }],
    ['a period over 64 characters', { period: '2'.repeat(65) }],
    ['a period with a newline', { period: '2025-01\n' }],
  ])('refuses %s', (_, patch) => {
    expect(() => encodeAnchorMessage({ ...anchor, ...patch })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ANCHOR_FIELD' }),
    );
  });
});

describe('decodeAnchorMessage', () => {
  const canonical = new TextDecoder().decode(encodeAnchorMessage(anchor));

  it.each([
    ['non-canonical whitespace', canonical.replace(',', ', ')],
    ['an extra field', canonical.replace('{', '{"extra":1,')],
    ['another version', canonical.replace('"v":1', '"v":2')],
    ['another type', canonical.replace('mrv.anchor', 'mrv.other')],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['a bare string', '"anchor"'],
    ['text that is not JSON', 'hello'],
    ['an empty message', ''],
    ['a field of the wrong type', canonical.replace('"count":1000', '"count":"1000"')],
  ])('refuses %s', (_, text) => {
    expect(() => decodeAnchorMessage(bytes(text))).toThrowError(
      expect.objectContaining({ code: 'INVALID_ANCHOR_MESSAGE' }),
    );
  });

  it('refuses invalid UTF-8', () => {
    expect(() => decodeAnchorMessage(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toThrowError(
      expect.objectContaining({ code: 'INVALID_ANCHOR_MESSAGE' }),
    );
  });

  it('refuses a message over 1024 bytes before parsing it', () => {
    expect(() => decodeAnchorMessage(new Uint8Array(1025).fill(0x20))).toThrowError(
      expect.objectContaining({ code: 'MESSAGE_TOO_LARGE' }),
    );
  });
});
