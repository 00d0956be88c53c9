/** What replaces a secret in a log line. */
export const redactionCensor = '[redacted]';

/**
 * Keys whose values are secrets wherever they appear in a log object, at any depth. Anchored where a
 * looser match would hide useful ids (`tokenId` is a Hedera token, `apiKeyId` names a key).
 */
const secretKey =
  /pass(word|wd|phrase)|secret|private_?key|api[_-]?key$|operator_?key|master_?key|mnemonic|authorization|cookie|^(access_?|refresh_?|id_?|bearer_?|session_?)?token$|^jwt$|^seed$/i;

/**
 * Secret-looking values whatever their key: Hedera DER private keys (Ed25519 and ECDSA secp256k1
 * prefixes), PEM private keys and bearer credentials.
 */
const secretValue =
  /(302e020100300506032b6570|3030020100300706052b8104000a)[0-9a-f]{8,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi;

const maxDepth = 8;

/** True when a log field with this key must not be written. */
export function isSecretKey(key: string): boolean {
  return secretKey.test(key);
}

/** The string with every secret-looking value replaced by the censor. */
export function redactSecretValues(text: string): string {
  return text.replace(secretValue, redactionCensor);
}

/**
 * A copy of a log object with secrets censored at any depth: values under secret keys, and
 * secret-looking strings anywhere. Only plain objects and arrays are walked (errors go through
 * pino's serializer); an object is copied only when something in it changed.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactSecretValues(value) as T;
  if (value === null || typeof value !== 'object' || depth >= maxDepth) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = redactSecrets(item, depth + 1);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? out : value) as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const next =
      isSecretKey(key) && item !== undefined && item !== null
        ? redactionCensor
        : redactSecrets(item, depth + 1);
    if (next !== item) {
      out ??= { ...(value as Record<string, unknown>) };
      out[key] = next;
    }
  }
  return (out ?? value) as T;
}
