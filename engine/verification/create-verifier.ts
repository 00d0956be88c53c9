import type { Plant } from '../plant/plant.ts';
import { createDeviceKeyResolver, type ResolveDeviceKey } from '../telemetry/device-key-resolver.ts';
import { parseTelemetry } from '../telemetry/parse-telemetry.ts';
import type { DeviceState } from './device-state.ts';
import { closeReview } from './learn-from-reading.ts';
import type { VerificationConfig } from './verification-config.ts';
import { type VerificationResult, verifyDocument, verifyReading } from './verify-reading.ts';

export interface VerifierOptions {
  config: VerificationConfig;
  plant: Plant;
  /** Where device public keys come from; default: the key inside a did:key DID. */
  resolveDeviceKey?: ResolveDeviceKey;
  /**
   * What happens to a FLAGGED reading's review in a stream with no reviewer (`mrv verify`, benchmarks):
   * `hold` (default, as in the service) keeps it open, so the device learns nothing until
   * `closeReview` is called; `reject` closes it at once as not approved (the reading teaches
   * nothing and learning goes on); `approve` closes it as approved (the reading is learned); a
   * function decides per reading (a simulated reviewer; undefined keeps the review open).
   */
  flagged?:
    | 'hold'
    | 'reject'
    | 'approve'
    | ((result: VerificationResult) => 'approve' | 'reject' | undefined);
}

export interface Verifier {
  /** Verifies the next document of a stream (bytes, text or parsed), keeping each device's history. */
  verify(input: unknown, nowMs: number): VerificationResult;
  /** The current state of a device, e.g. to persist it. */
  stateOf(deviceId: string): DeviceState | undefined;
  /** A reviewer's decision on a FLAGGED reading of the stream (see `closeReview`). */
  closeReview(deviceId: string, seq: number, decision: 'approve' | 'reject'): void;
}

/**
 * A stateful verifier over a stream in order — what `mrv verify` uses. States exist only for devices
 * registered to the plant whose readings were accepted, so memory is bounded by the plant's devices
 * times the fixed per-device state.
 *
 * @example
 * const verifier = createVerifier({ config, plant });
 * for (const line of lines) print(verifier.verify(line, now).verdict);
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const keyOf = createDeviceKeyResolver(
    options.resolveDeviceKey ? { resolve: options.resolveDeviceKey } : {},
  );
  const states = new Map<string, DeviceState>();
  const flagged = options.flagged ?? 'hold';
  return {
    verify(input, nowMs) {
      const context = { config: options.config, plant: options.plant, nowMs, keyOf };
      const parsed = parseTelemetry(input);
      if (!parsed.document) return verifyReading(undefined, input, context);
      const deviceId = parsed.document.device_id;
      const result = verifyDocument(states.get(deviceId), parsed.document, context);
      let next = result.nextState;
      const decision = typeof flagged === 'function' ? flagged(result) : flagged;
      if (next && result.verdict.status === 'FLAGGED' && decision && decision !== 'hold') {
        next = closeReview(next, { seq: parsed.document.seq, decision }, options.config);
      }
      if (next) states.set(deviceId, next);
      return result;
    },
    stateOf: (deviceId) => states.get(deviceId),
    closeReview(deviceId, seq, decision) {
      const state = states.get(deviceId);
      if (state) states.set(deviceId, closeReview(state, { seq, decision }, options.config));
    },
  };
}
