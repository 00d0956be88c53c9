export { decodeBase58btc, encodeBase58btc } from './base58btc.ts';
export {
  createDeviceKeyResolver,
  type DeviceKeyResolver,
  type DeviceKeyResolverOptions,
  type ResolveDeviceKey,
} from './device-key-resolver.ts';
export { didKeyFromEd25519Key, ed25519KeyFromDidKey } from './did-key.ts';
export { ed25519DidKeyPattern } from './did-key-pattern.ts';
export { documentHash } from './document-hash.ts';
export { formatSchemaErrors } from './format-schema-errors.ts';
export { MAX_TELEMETRY_BYTES, type ParsedTelemetry, parseTelemetry } from './parse-telemetry.ts';
export { signTelemetry } from './sign-telemetry.ts';
export { signingPayload } from './signing-payload.ts';
export {
  type ReadingType,
  readingTypes,
  type TelemetryDocument,
  type TelemetryReading,
  type UnsignedTelemetryDocument,
} from './telemetry-document.ts';
export {
  createEd25519Verifier,
  type Ed25519Verifier,
  type Ed25519VerifierOptions,
  ed25519Backend,
  verifyEd25519,
} from './verify-ed25519.ts';
export { verifyTelemetrySignature } from './verify-telemetry-signature.ts';
