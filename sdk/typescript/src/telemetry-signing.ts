import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { TelemetryDocumentError } from './problem-error.ts';

/** A telemetry v1 document (schemas/telemetry.schema.json); `signature` once signed. */
export interface TelemetryDocument {
  schema_version: string;
  device_id: string;
  seq: number;
  timestamp: string;
  interval_s: number;
  readings: { sensor_id?: string; type: string; value: number; unit: string; quality?: number }[];
  metadata?: Record<string, unknown>;
  signature?: string;
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Refuses anything that is not telemetry v1 before it is signed or sent: the server would reject
 * it anyway, and a signature over the wrong shape is worse than none.
 */
export function assertTelemetryV1(document: unknown): asserts document is TelemetryDocument {
  const fail = (why: string): never => {
    throw new TelemetryDocumentError(`not a telemetry v1 document: ${why}`);
  };
  if (!document || typeof document !== 'object' || Array.isArray(document)) fail('must be a JSON object');
  const d = document as Record<string, unknown>;
  if (typeof d.schema_version !== 'string' || !/^1\.[0-9]+\.[0-9]+$/.test(d.schema_version)) {
    fail('schema_version must be 1.x.y');
  }
  if (typeof d.device_id !== 'string' || !/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/.test(d.device_id)) {
    fail('device_id must be a DID');
  }
  if (!Number.isSafeInteger(d.seq) || (d.seq as number) < 0) fail('seq must be a non-negative integer');
  if (typeof d.timestamp !== 'string') fail('timestamp must be an RFC 3339 string');
  if (!Number.isInteger(d.interval_s)) fail('interval_s must be an integer');
  if (!Array.isArray(d.readings) || d.readings.length === 0) fail('readings must be a non-empty array');
}

/** The bytes a device signs: UTF-8 of the RFC 8785 (JCS) form of the document without `signature`. */
export function signingPayload(document: TelemetryDocument): Uint8Array {
  const { signature: _s, ...unsigned } = document;
  const text = canonicalize(unsigned);
  if (text === undefined) throw new TelemetryDocumentError('the document has no JSON form');
  return new TextEncoder().encode(text);
}

/** An Ed25519 private key from a 32-byte seed (hex or bytes), a JWK (`pairing.private_key_jwk`) or a KeyObject. */
export function ed25519PrivateKey(
  key: KeyObject | Uint8Array | string | { kty: string; crv: string; d: string; x: string },
): KeyObject {
  if (typeof key === 'string') return ed25519PrivateKey(Buffer.from(key, 'hex'));
  if (key instanceof Uint8Array) {
    return createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, key]),
      format: 'der',
      type: 'pkcs8',
    });
  }
  if ('kty' in key) return createPrivateKey({ key, format: 'jwk' });
  return key;
}

/** Signs a telemetry v1 document as a device does; refuses (TelemetryDocumentError) anything else. */
export function signTelemetry(
  document: TelemetryDocument,
  privateKey: Parameters<typeof ed25519PrivateKey>[0],
): TelemetryDocument {
  assertTelemetryV1(document);
  const { signature: _old, ...unsigned } = document;
  const signature = sign(null, signingPayload(unsigned), ed25519PrivateKey(privateKey)).toString('base64url');
  return { ...unsigned, signature };
}

function base58Decode(text: string): Uint8Array {
  let n = 0n;
  for (const ch of text) {
    const v = BASE58.indexOf(ch);
    if (v < 0) throw new TelemetryDocumentError(`not base58btc: ${ch}`);
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n % 256n));
    n /= 256n;
  }
  for (const ch of text) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** The Ed25519 public key of a `did:key:z6Mk…` (multicodec 0xed01). */
export function publicKeyFromDidKey(did: string): KeyObject {
  const m = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
  const bytes = m ? base58Decode(m[1]!) : new Uint8Array();
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw new TelemetryDocumentError(`not an Ed25519 did:key: ${did}`);
  }
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, bytes.subarray(2)]),
    format: 'der',
    type: 'spki',
  });
}

/** Whether the document's signature is valid for its own `device_id` (a did:key) or the given key. */
export function verifyTelemetry(document: TelemetryDocument, publicKey?: KeyObject): boolean {
  if (typeof document.signature !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(document.signature)) return false;
  try {
    const key = publicKey ?? publicKeyFromDidKey(document.device_id);
    return verify(null, signingPayload(document), key, Buffer.from(document.signature, 'base64url'));
  } catch {
    return false;
  }
}
