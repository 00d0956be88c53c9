import type { Plant } from '../plant/plant.ts';
import { createDeviceKeyResolver, type ResolveDeviceKey } from '../telemetry/device-key-resolver.ts';
import { parseTelemetry } from '../telemetry/parse-telemetry.ts';
import type { DeviceState } from './device-state.ts';
import type { VerificationConfig } from './verification-config.ts';
import { type VerificationResult, verifyDocument, verifyReading } from './verify-reading.ts';

export interface VerifierOptions {
  config: VerificationConfig;
  plant: Plant;
  /** Where device public keys come from; default: the key inside a did:key DID. */
  resolveDeviceKey?: ResolveDeviceKey;
}

export interface Verifier {
  /** Verifies the next document of a stream (bytes, text or parsed), keeping each device's history. */
  verify(input: unknown, nowMs: number): VerificationResult;
  /** The current state of a device, e.g. to persist it. */
  stateOf(deviceId: string): DeviceState | undefined;
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
  return {
    verify(input, nowMs) {
      const context = { config: options.config, plant: options.plant, nowMs, keyOf };
      const parsed = parseTelemetry(input);
      if (!parsed.document) return verifyReading(undefined, input, context);
      const deviceId = parsed.document.device_id;
      const result = verifyDocument(states.get(deviceId), parsed.document, context);
      if (result.nextState) states.set(deviceId, result.nextState);
      return result;
    },
    stateOf: (deviceId) => states.get(deviceId),
  };
}
