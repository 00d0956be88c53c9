import type { ApprovedCalibration } from '../engine/plant/apply-calibrations.ts';
import type { MeterType } from '../engine/plant/plant.ts';
import type { Roles } from './check-roles.ts';
import { credentialTypeOf } from './credential-types.ts';
import type { EvidenceCredential } from './evidence-credential.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';

/** A meter calibration the auditor accepts, and from when (the credential's validFrom) it applies. */
export interface CalibrationInForce {
  fromMs: number;
  calibration: ApprovedCalibration;
}

export interface CalibrationCheckInput {
  trusted: readonly EvidenceCredential[];
  roles: Roles;
  /** DIDs of the devices the registry registered for this project. */
  devices: ReadonlySet<string>;
  policyHash: string;
  /** When the MonitoringReport was issued: a calibration approved later cannot have shaped its verdicts. */
  reportIssuedMs: number;
}

const strip = (hash: unknown) => String(hash).replace(/^sha256:/, '');

/**
 * The MeterCalibration credentials the re-run of verification may apply, by device DID. A
 * calibration decides whether a meter's readings are FLAGGED (`calibration.overdue`) and how wide
 * the learned bands' accuracy allowance is, so an issuer that could vouch for its own meters could
 * make a lapsed meter count: only calibrations an accredited verifier signed, for a registered
 * device, under the anchored policy, before the report, are applied; each other one fails its link
 * (the re-run then judges the meter without it).
 */
export function checkCalibrations(input: CalibrationCheckInput): {
  byDevice: Map<string, CalibrationInForce[]>;
  checks: TrustChainCheck[];
} {
  const byDevice = new Map<string, CalibrationInForce[]>();
  const checks: TrustChainCheck[] = [];
  for (const c of input.trusted) {
    if (credentialTypeOf(c) !== 'MeterCalibration') continue;
    const s = c.credentialSubject ?? {};
    const did = String(s.id);
    const link = `calibration:${String(s.certificateId)}`;
    const fromMs = Date.parse(String(c.validFrom));
    if (!input.roles.verifier.has(String(c.issuer))) {
      checks.push(fail(link, `approved by ${String(c.issuer)}, not by an accredited verifier`));
    } else if (!input.devices.has(did)) {
      checks.push(fail(link, `for ${did}, which has no registration by the registry`));
    } else if (strip(s.policyHash) !== strip(input.policyHash)) {
      checks.push(fail(link, `approved under policy ${String(s.policyHash)}, not the anchored one`));
    } else if (!(fromMs <= input.reportIssuedMs)) {
      checks.push(fail(link, 'approved after the monitoring report was issued'));
    } else {
      const list = byDevice.get(did) ?? [];
      list.push({ fromMs, calibration: approvedOf(s) });
      byDevice.set(did, list);
      checks.push(pass(link, `${String(s.meterType)} meter of ${did} calibrated by ${String(s.laboratory)}`));
    }
  }
  return { byDevice, checks };
}

function approvedOf(s: Record<string, unknown>): ApprovedCalibration {
  return {
    meterType: s.meterType as MeterType,
    ...(typeof s.sensorId === 'string' ? { sensorId: s.sensorId } : {}),
    accuracyClass: Number(s.accuracyClass),
    record: {
      certificate_id: String(s.certificateId),
      laboratory: String(s.laboratory),
      calibrated_on: String(s.calibratedOn),
      next_due: String(s.nextDue),
      device_id: String(s.id),
      sha256: strip(s.documentSha256),
    },
  };
}
