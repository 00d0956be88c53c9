import { hashDocument } from '../engine/anchoring/index.ts';
import type { EnergyDocument } from '../engine/methodology/period-energy.ts';
import { applyCalibrations } from '../engine/plant/apply-calibrations.ts';
import type { Plant } from '../engine/plant/plant.ts';
import { ed25519KeyFromDidKey } from '../engine/telemetry/did-key.ts';
import { parseTelemetry } from '../engine/telemetry/parse-telemetry.ts';
import type { TelemetryDocument } from '../engine/telemetry/telemetry-document.ts';
import { verifyTelemetrySignature } from '../engine/telemetry/verify-telemetry-signature.ts';
import type { DeviceState } from '../engine/verification/device-state.ts';
import type { VerificationConfig } from '../engine/verification/verification-config.ts';
import { verifyDocument } from '../engine/verification/verify-reading.ts';
import type { CalibrationInForce } from './check-calibrations.ts';
import type { EvidenceCredential } from './evidence-credential.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';

/** A reading as the bundle carries it, once its Merkle inclusion in an anchor held. */
export interface AnchoredReading {
  document: unknown;
  leafHash: string;
  /**
   * The verifier clock of the service's verdict: the time it states, never later than the anchor's
   * consensus time (an earlier clock can only reject more).
   */
  verifiedAtMs: number;
  anchor: string;
  /**
   * The reading's final status as the issuer claims it (`APPROVED` when the bundle does not say):
   * APPROVED counts; a FLAGGED verdict becomes APPROVED or REJECTED only by a verifier's review.
   */
  claimed: 'APPROVED' | 'FLAGGED' | 'REJECTED';
}

export interface ReadingCheckInput {
  readings: AnchoredReading[];
  config: VerificationConfig;
  /** The registered plant (ProjectRegistration), devices from the DeviceRegistration credentials. */
  plant: Plant;
  /** Trusted DeviceRegistration credentials by device DID (issued by the registry, for this project). */
  registrations: Map<string, EvidenceCredential>;
  /** When the ledger shows a device's registration revoked (ms): its readings from then on do not count. */
  revokedAtMs?: ReadonlyMap<string, number>;
  /** Trusted ReviewDecision credentials by reading leaf hash (issued by a verifier before the report). */
  reviews: Map<string, EvidenceCredential>;
  period: { start: string; end: string };
  /** Accepted MeterCalibration credentials by device DID (check-calibrations.ts). */
  calibrations?: ReadonlyMap<string, readonly CalibrationInForce[]>;
}

export interface ReadingCheckResult {
  checks: TrustChainCheck[];
  counted: EnergyDocument[];
  summary: { checked: number; counted: number; approved: number; flagged: number; rejected: number };
}

/** How check links name a device (`device:<short>`, `reading:<short>#<seq>`): long DIDs abridged. */
export const shortDid = (did: string) => (did.length > 40 ? `${did.slice(0, 20)}…${did.slice(-8)}` : did);
const short = shortDid;

/**
 * Which anchored readings may count, decided only from what devices, the registry and verifiers
 * signed: each reading's Ed25519 signature by its device DID (whatever the policy says about the
 * signature rule), a registration valid at the reading's time, the reading inside the period, no
 * reading twice, and `engine/verification` re-run over each device's stream in seq order with the
 * policy's configuration, which must give the verdict the issuer claims. APPROVED readings count;
 * FLAGGED ones only with a verifier's approving ReviewDecision.
 */
export function checkReadings(input: ReadingCheckInput): ReadingCheckResult {
  const checks: TrustChainCheck[] = [];
  const counted: EnergyDocument[] = [];
  const summary = { checked: 0, counted: 0, approved: 0, flagged: 0, rejected: 0 };
  const byDevice = new Map<string, { reading: AnchoredReading; document: TelemetryDocument }[]>();
  const seen = new Set<string>();
  for (const reading of input.readings) {
    const parsed = parseTelemetry(reading.document);
    if (!parsed.document) {
      // An accepted document always parsed; one that does not was never a device's reading.
      const unsigned = typeof (reading.document as { signature?: unknown }).signature !== 'string';
      checks.push(
        unsigned
          ? fail(
              `reading:${reading.leafHash.slice(0, 12)}.signature`,
              'the reading carries no device signature',
            )
          : fail(`reading:${reading.leafHash.slice(0, 12)}.telemetry`, parsed.problems.join('; ')),
      );
      continue;
    }
    const d = parsed.document;
    const key = `${d.device_id}#${d.seq}`;
    if (reading.claimed === 'APPROVED') {
      // Replays the issuer does not count are the rules' business (the re-run rejects them).
      if (seen.has(key) || seen.has(reading.leafHash)) {
        checks.push(fail(`reading:${short(key)}.unique`, 'the same reading is counted twice'));
        continue;
      }
      seen.add(key);
      seen.add(reading.leafHash);
    }
    const list = byDevice.get(d.device_id) ?? [];
    list.push({ reading, document: d });
    byDevice.set(d.device_id, list);
  }
  const startMs = Date.parse(input.period.start);
  const endMs = Date.parse(input.period.end);
  for (const [did, stream] of [...byDevice].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    stream.sort((a, b) => a.document.seq - b.document.seq);
    const key = ed25519KeyFromDidKey(did);
    const registration = input.registrations.get(did);
    const registeredAtMs = Date.parse(String(registration?.credentialSubject?.registeredAt));
    const revokedAtMs = input.revokedAtMs?.get(did) ?? Number.POSITIVE_INFINITY;
    let state: DeviceState | undefined;
    let failures = 0;
    for (const { reading, document } of stream) {
      summary.checked += 1;
      const link = `reading:${short(did)}#${document.seq}`;
      const broken: TrustChainCheck[] = [];
      const counts = reading.claimed === 'APPROVED';
      const atMs = Date.parse(document.timestamp);
      // What makes a reading evidence; a reading the issuer does not count only needs its verdict.
      if (counts && !registration) {
        broken.push(fail(`${link}.registration`, 'the device has no registration by the registry'));
      } else if (counts && !(registeredAtMs <= atMs)) {
        broken.push(fail(`${link}.registration`, 'reading taken before the device was registered'));
      } else if (counts && atMs >= revokedAtMs) {
        broken.push(
          fail(
            `${link}.registration`,
            `reading taken after the registration was revoked (${new Date(revokedAtMs).toISOString()}, on the ledger)`,
          ),
        );
      }
      if (counts && !(atMs >= startMs && atMs < endMs)) {
        broken.push(fail(`${link}.period`, `${document.timestamp} lies outside the reported period`));
      }
      const result = verifyDocument(state, document, {
        config: input.config,
        plant: plantAt(input, did, reading.verifiedAtMs),
        nowMs: reading.verifiedAtMs,
      });
      state = result.nextState ?? state;
      // The engine checks the signature with the same did:key key when the policy keeps that rule on;
      // when a policy turns it off, the verifier checks it anyway: unsigned readings are never evidence.
      const signed = input.config.rules.signature?.enabled
        ? !result.verdict.findings.some((f) => f.rule === 'signature')
        : key !== undefined && verifyTelemetrySignature(document, key);
      if (counts && !signed) broken.push(fail(`${link}.signature`, `not signed by the key of ${short(did)}`));
      const status = result.verdict.status;
      const why = result.verdict.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => f.rule)
        .join(', ');
      const review = input.reviews.get(reading.leafHash)?.credentialSubject?.decision;
      if (status === 'APPROVED') summary.approved += 1;
      else if (status === 'REJECTED') summary.rejected += 1;
      else summary.flagged += 1;
      if (status === 'FLAGGED' && counts && review !== 'approve') {
        broken.push(
          fail(
            `${link}.review`,
            `flagged by the rules (${why}); counted without a verifier's approving review`,
          ),
        );
      } else if (status !== 'FLAGGED' && status !== reading.claimed) {
        broken.push(
          fail(
            `${link}.verdict`,
            `re-run gives ${status}${why ? ` (${why})` : ''}, issuer claims ${reading.claimed}`,
          ),
        );
      }
      if (broken.length > 0) {
        failures += 1;
        checks.push(...broken);
      } else if (counts) {
        summary.counted += 1;
        counted.push(document);
      }
    }
    checks.push(
      failures === 0
        ? pass(
            `device:${short(did)}.readings`,
            `${stream.length} reading(s) signed, registered, verdicts re-run`,
          )
        : fail(`device:${short(did)}.readings`, `${failures} of ${stream.length} reading(s) broken`),
    );
  }
  return { checks, counted, summary };
}

/**
 * The plant as the service saw it when it verified a device's reading: the calibrations a verifier
 * had approved by then applied over the device's meters (as the service applies approved ones).
 */
function plantAt(input: ReadingCheckInput, did: string, atMs: number): Plant {
  const inForce = (input.calibrations?.get(did) ?? []).filter((c) => c.fromMs <= atMs);
  if (inForce.length === 0) return input.plant;
  return {
    ...input.plant,
    devices: (input.plant.devices ?? []).map((d) =>
      d.device_id === did
        ? {
            ...d,
            meters: applyCalibrations(
              d.meters,
              inForce.map((c) => c.calibration),
            ),
          }
        : d,
    ),
  };
}

/** The Merkle leaf hash a ReviewDecision names its reading by. */
export const readingLeafHash = hashDocument;
