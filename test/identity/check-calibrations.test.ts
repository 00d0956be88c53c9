import { describe, expect, it } from 'vitest';
import { hashDocument } from '../../engine/anchoring/index.ts';
import { defaultVerificationConfig } from '../../engine/verification/index.ts';
import { checkCalibrations } from '../../identity/check-calibrations.ts';
import { checkReadings } from '../../identity/check-readings.ts';
import type { EvidenceCredential } from '../../identity/evidence-credential.ts';
import { hour, NOW, newDevice, signedReading, smallPlant } from '../engine/verification/support.ts';

const verifier = 'did:key:z6MkVerifier';
const device = 'did:key:z6MkDevice';
const policyHash = 'a'.repeat(64);
const reportIssuedMs = Date.parse('2026-06-02T00:00:00Z');

function calibration(over: { issuer?: string; id?: string; policyHash?: string; validFrom?: string } = {}) {
  return {
    type: ['VerifiableCredential', 'MeterCalibration'],
    issuer: over.issuer ?? verifier,
    validFrom: over.validFrom ?? '2026-05-10T00:00:00Z',
    credentialSubject: {
      id: over.id ?? device,
      certificateId: 'CAL-7',
      meterType: 'energy_export',
      accuracyClass: 0.2,
      laboratory: 'NABL lab 12',
      calibratedOn: '2026-05-08',
      nextDue: '2028-05-08',
      documentSha256: 'b'.repeat(64),
      approvedBy: 'verifier:key_1',
      policyHash: over.policyHash ?? policyHash,
    },
  } satisfies EvidenceCredential;
}

const check = (trusted: EvidenceCredential[]) =>
  checkCalibrations({
    trusted,
    roles: { registry: new Set(), verifier: new Set([verifier]) },
    devices: new Set([device]),
    policyHash: `sha256:${policyHash}`,
    reportIssuedMs,
  });

describe('the meter calibrations an auditor applies', () => {
  it('applies a calibration an accredited verifier approved, from its validFrom, with its accuracy class', () => {
    const { byDevice, checks } = check([calibration()]);
    expect(checks.map((c) => c.ok)).toEqual([true]);
    expect(byDevice.get(device)).toEqual([
      {
        fromMs: Date.parse('2026-05-10T00:00:00Z'),
        calibration: {
          meterType: 'energy_export',
          accuracyClass: 0.2,
          record: {
            certificate_id: 'CAL-7',
            laboratory: 'NABL lab 12',
            calibrated_on: '2026-05-08',
            next_due: '2028-05-08',
            device_id: device,
            sha256: 'b'.repeat(64),
          },
        },
      },
    ]);
  });

  it('refuses a calibration the issuer vouched for itself, one for an unregistered device, under another policy or after the report', () => {
    const { byDevice, checks } = check([
      calibration({ issuer: 'did:key:z6MkIssuer' }),
      calibration({ id: 'did:key:z6MkOther' }),
      calibration({ policyHash: 'c'.repeat(64) }),
      calibration({ validFrom: '2026-06-03T00:00:00Z' }),
    ]);
    expect(byDevice.size).toBe(0);
    expect(checks.map((c) => [c.link, c.ok])).toEqual([
      ['calibration:CAL-7', false],
      ['calibration:CAL-7', false],
      ['calibration:CAL-7', false],
      ['calibration:CAL-7', false],
    ]);
    expect(checks.map((c) => c.detail)).toEqual([
      'approved by did:key:z6MkIssuer, not by an accredited verifier',
      'for did:key:z6MkOther, which has no registration by the registry',
      `approved under policy ${'c'.repeat(64)}, not the anchored one`,
      'approved after the monitoring report was issued',
    ]);
  });
});

describe('the re-run of verification with calibrations', () => {
  it("judges a meter by the calibration a verifier approved before the reading's verdict, not by the lapsed plant-file record", () => {
    const d = newDevice();
    const config = defaultVerificationConfig();
    config.calibration = {
      intervalsMs: { energy_export: 730 * 86_400_000 },
      onLapse: 'flag',
      onMissing: 'ignore',
      approverRole: 'verifier',
    };
    const plant = smallPlant([d]);
    const lapsed = {
      certificate_id: 'OLD-1',
      laboratory: 'lab',
      calibrated_on: '2023-11-01',
      next_due: '2025-11-01',
    };
    plant.devices = [
      {
        device_id: d.did,
        scope: 'plant',
        meters: [{ type: 'energy_export', accuracy_class: 0.5, calibration: lapsed }],
      },
    ];
    // hour(10) is 2026-01-01T10:00Z; the new certificate was approved at 09:00, before the verdict.
    const document = signedReading(d, 1, hour(10), { flow: 2.5, head: 45, energy: 900, export: 886 });
    const rerun = (calibrations?: Map<string, { fromMs: number; calibration: never }[]>) =>
      checkReadings({
        readings: [
          {
            document,
            leafHash: hashDocument(document),
            verifiedAtMs: NOW,
            anchor: '0.0.5#1',
            claimed: 'APPROVED',
          },
        ],
        config,
        plant,
        registrations: new Map([[d.did, { credentialSubject: { registeredAt: '2025-01-01T00:00:00Z' } }]]),
        reviews: new Map(),
        period: { start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' },
        ...(calibrations ? { calibrations } : {}),
      });
    expect(rerun().summary).toMatchObject({ flagged: 1, counted: 0 });
    const approved = {
      fromMs: Date.parse(hour(9)),
      calibration: {
        meterType: 'energy_export',
        accuracyClass: 0.2,
        record: {
          certificate_id: 'CAL-7',
          laboratory: 'lab',
          calibrated_on: '2025-12-20',
          next_due: '2027-12-20',
        },
      },
    } as never;
    expect(rerun(new Map([[d.did, [approved]]])).summary).toMatchObject({ approved: 1, counted: 1 });
    // Approved only after the verdict: the service could not have applied it.
    const late = { ...(approved as object), fromMs: NOW + 1 } as never;
    expect(rerun(new Map([[d.did, [late]]])).summary).toMatchObject({ flagged: 1, counted: 0 });
  });
});
