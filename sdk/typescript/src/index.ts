export { MrvClient, type MrvClientOptions, type RetryOptions, type Schemas } from './client.ts';
export type { components, operations, paths } from './generated/schema.ts';
export { type FieldError, ProblemError, TelemetryDocumentError } from './problem-error.ts';
export {
  assertTelemetryV1,
  ed25519PrivateKey,
  publicKeyFromDidKey,
  signingPayload,
  signTelemetry,
  type TelemetryDocument,
  verifyTelemetry,
} from './telemetry-signing.ts';
export { SDK_VERSION } from './version.ts';
