import type { Plant, PlantDevice } from '../plant/plant.ts';
import { canonicalForms } from '../telemetry/canonical-forms.ts';
import { createDeviceKeyResolver, type DeviceKeyResolver } from '../telemetry/device-key-resolver.ts';
import { parseTelemetry } from '../telemetry/parse-telemetry.ts';
import type { TelemetryDocument } from '../telemetry/telemetry-document.ts';
import { verifyTelemetrySignature } from '../telemetry/verify-telemetry-signature.ts';
import { advanceState } from './advance-state.ts';
import { checkBaselines } from './check-baseline.ts';
import { checkCalibration } from './check-calibration.ts';
import { checkChain } from './check-chain.ts';
import { checkPhysics } from './check-physics.ts';
import { checkRegister } from './check-register.ts';
import { checkStatistics } from './check-statistics.ts';
import { checkTime } from './check-time.ts';
import { type DeviceState, initialDeviceState } from './device-state.ts';
import { observe } from './observation.ts';
import { enabled, finding, type RuleInput } from './rule-input.ts';
import { type ScopeProfile, scopeProfile } from './scope-profile.ts';
import { scoreVerdict } from './score-verdict.ts';
import type { Finding, Verdict } from './verdict.ts';
import type { VerificationConfig } from './verification-config.ts';

export interface VerificationContext {
  config: VerificationConfig;
  /** The plant with its registered devices (their scopes and whether they are active). */
  plant: Plant;
  /** The verifier's clock, ms since the epoch (`mrv verify --now`). */
  nowMs: number;
  /** Public keys of devices. Default: decode did:key DIDs (cached). */
  keyOf?: DeviceKeyResolver;
}

export interface VerificationResult {
  verdict: Verdict;
  device_id?: string;
  seq?: number;
  /**
   * The device's state after this reading. For a rejected reading it is the state passed in (rejected
   * documents do not enter the history); undefined only when no state was given and the document
   * did not name a device.
   */
  nextState: DeviceState | undefined;
}

const defaultKeyOf = createDeviceKeyResolver();

/**
 * Verifies one telemetry document against its device's history: pure, and never throws — any bytes
 * yield a verdict (unusable input is REJECTED with a `schema` finding).
 *
 * @example
 * let state: DeviceState | undefined;
 * const { verdict, nextState } = verifyReading(state, line, { config, plant, nowMs: Date.now() });
 * state = nextState;
 */
export function verifyReading(
  state: DeviceState | undefined,
  input: unknown,
  context: VerificationContext,
): VerificationResult {
  const parsed = parseTelemetry(input);
  if (!parsed.document) return schemaRejection(state, parsed.problems);
  return verifyDocument(state, parsed.document, context);
}

/** `verifyReading` for a document that already passed `parseTelemetry`. */
export function verifyDocument(
  state: DeviceState | undefined,
  document: TelemetryDocument,
  context: VerificationContext,
): VerificationResult {
  try {
    return evaluate(state, document, context);
  } catch (error) {
    // A defect must not crash a batch: the reading is refused and the reason is on record.
    const message = error instanceof Error ? error.message : String(error);
    return schemaRejection(state, [`document could not be verified: ${message}`], document);
  }
}

function evaluate(
  state: DeviceState | undefined,
  document: TelemetryDocument,
  context: VerificationContext,
): VerificationResult {
  const { config, plant } = context;
  const ids = { device_id: document.device_id, seq: document.seq };
  if (state && state.device_id !== document.device_id) {
    const f = finding('device', 'error', `verifier state belongs to ${state.device_id}, not this device`);
    return { ...ids, verdict: scoreVerdict([f], config), nextState: state };
  }
  const current = state ?? initialDeviceState(document.device_id);
  const findings: Finding[] = [];
  // Written once for both the signature payload and the chain hash of an accepted reading.
  const canonical = canonicalForms(document);
  const device = deviceIndex(plant).get(document.device_id);
  if (enabled(config, 'device')) {
    if (!device)
      findings.push(finding('device', 'error', `device is not registered to plant ${plant.plant_id}`));
    else if (device.active === false) findings.push(finding('device', 'error', 'device is inactive'));
  }
  if (enabled(config, 'signature')) {
    const key = (context.keyOf ?? defaultKeyOf)(document.device_id);
    if (!key) findings.push(finding('signature', 'error', "no Ed25519 public key for the device's DID"));
    else if (!verifyTelemetrySignature(document, key, canonical)) {
      findings.push(finding('signature', 'error', 'signature does not verify with the device key'));
    }
  }
  const observed = observe(document);
  if (!('observation' in observed)) {
    findings.push(...observed.problems.map((p) => finding('schema', 'error', p)));
    return { ...ids, verdict: scoreVerdict(findings, config), nextState: state };
  }
  const profile = device ? profileOf(plant, device, config) : undefined;
  if (!profile) {
    return { ...ids, verdict: scoreVerdict(findings, config), nextState: state };
  }
  const input: RuleInput = {
    document,
    observation: observed.observation,
    state: current,
    profile,
    config,
    nowMs: context.nowMs,
  };
  findings.push(
    ...checkTime(input),
    ...checkPhysics(input),
    ...checkRegister(input),
    ...checkStatistics(input),
    ...checkChain(input),
  );
  findings.push(...checkBaselines(input, findings), ...checkCalibration(input));
  const verdict = scoreVerdict(findings, config);
  if (verdict.status === 'REJECTED') return { ...ids, verdict, nextState: state };
  const nextState = advanceState(current, {
    document,
    observation: observed.observation,
    profile,
    config,
    findings,
    status: verdict.status,
    canonical,
  });
  return { ...ids, verdict, nextState };
}

function schemaRejection(
  state: DeviceState | undefined,
  problems: string[],
  document?: TelemetryDocument,
): VerificationResult {
  const findings = problems.map((p) => finding('schema', 'error', p));
  const result: VerificationResult = {
    verdict: { status: 'REJECTED', trust_score: 0, findings },
    nextState: state,
  };
  if (document) {
    result.device_id = document.device_id;
    result.seq = document.seq;
  }
  return result;
}

// Memoized lookups of pure data: plants and configs are treated as immutable once handed in.
const devicesByPlant = new WeakMap<Plant, Map<string, PlantDevice>>();
const profiles = new WeakMap<VerificationConfig, WeakMap<PlantDevice, ScopeProfile | undefined>>();

function deviceIndex(plant: Plant): Map<string, PlantDevice> {
  let index = devicesByPlant.get(plant);
  if (!index) {
    index = new Map((plant.devices ?? []).map((d) => [d.device_id, d]));
    devicesByPlant.set(plant, index);
  }
  return index;
}

function profileOf(plant: Plant, device: PlantDevice, config: VerificationConfig): ScopeProfile | undefined {
  let byDevice = profiles.get(config);
  if (!byDevice) {
    byDevice = new WeakMap();
    profiles.set(config, byDevice);
  }
  if (!byDevice.has(device)) byDevice.set(device, scopeProfile(plant, device, config));
  return byDevice.get(device);
}
