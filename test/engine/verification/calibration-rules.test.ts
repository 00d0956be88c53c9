import { describe, expect, it } from 'vitest';
import type { CalibrationRecord } from '../../../engine/plant/index.ts';
import { parsePlant } from '../../../engine/plant/index.ts';
import { parsePolicy, verificationConfigOf } from '../../../engine/policy/index.ts';
import {
  calibrationStanding,
  createVerifier,
  defaultVerificationConfig,
  referenceMeterCheck,
  type VerificationConfig,
} from '../../../engine/verification/index.ts';
import { amsSource, mutate } from '../policy/support.ts';
import { hour, NOW, newDevice, signedReading, smallPlant, type TestDevice } from './support.ts';

const DAY = 86_400_000;

function config(onLapse: 'flag' | 'reject' = 'flag', onMissing: 'ignore' | 'flag' | 'reject' = 'ignore') {
  const c: VerificationConfig = defaultVerificationConfig();
  c.calibration = {
    intervalsMs: { energy_export: 730 * DAY, flow_rate: 365 * DAY },
    onLapse,
    onMissing,
    approverRole: 'verifier',
  };
  return c;
}

function verdictWith(
  calibration: CalibrationRecord | undefined,
  c = config(),
  device: TestDevice = newDevice(),
) {
  const plant = smallPlant([device]);
  plant.devices = [
    {
      device_id: device.did,
      scope: 'plant',
      meters: [{ type: 'energy_export', accuracy_class: 0.2, ...(calibration ? { calibration } : {}) }],
    },
  ];
  const verifier = createVerifier({ config: c, plant });
  // hour(10) is 2026-01-01T10:00Z.
  return verifier.verify(
    signedReading(device, 1, hour(10), { flow: 2.5, head: 45, energy: 900, export: 886 }),
    NOW,
  ).verdict;
}

const record = (extra: Partial<CalibrationRecord> = {}): CalibrationRecord => ({
  certificate_id: 'NABL-CC-2024-118',
  laboratory: 'ERDA Vadodara',
  calibrated_on: '2024-06-01',
  next_due: '2026-06-01',
  ...extra,
});

const findingsOf = (v: ReturnType<typeof verdictWith>) =>
  v.findings.filter((f) => f.rule.startsWith('calibration.'));

describe('calibration rules', () => {
  it('approves a reading whose meters are in calibration', () => {
    const v = verdictWith(record());
    expect(v.status).toBe('APPROVED');
    expect(findingsOf(v)).toEqual([]);
  });

  it('flags a reading measured after the certificate lapsed, with days overdue', () => {
    const v = verdictWith(record({ calibrated_on: '2024-01-01', next_due: '2025-12-01' }));
    expect(v.status).toBe('FLAGGED');
    const [f] = findingsOf(v);
    expect(f).toMatchObject({ rule: 'calibration.overdue', severity: 'warning', limit: 0, unit: 'd' });
    expect(f!.measured!).toBeCloseTo(30.4, 0);
    expect(f!.message).toMatch(/lapsed on 2025-12-02 .*NABL-CC-2024-118/);
  });

  it('holds a certificate to the policy interval when it is shorter than the certificate says', () => {
    // next_due 2027, but the policy allows 730 days from 2023-12-01 → due 2025-11-30.
    const [f] = findingsOf(verdictWith(record({ calibrated_on: '2023-12-01', next_due: '2027-12-01' })));
    expect(f?.rule).toBe('calibration.overdue');
  });

  it('rejects instead when the policy says on_lapse: reject', () => {
    const v = verdictWith(record({ calibrated_on: '2024-01-01', next_due: '2025-12-01' }), config('reject'));
    expect(v.status).toBe('REJECTED');
    expect(findingsOf(v)[0]?.severity).toBe('error');
  });

  it("refuses another device's certificate", () => {
    const v = verdictWith(record({ device_id: 'did:key:z6MkOtherDevice' }));
    expect(findingsOf(v)[0]).toMatchObject({ rule: 'calibration.invalid', measured: 0, limit: 1 });
    expect(findingsOf(v)[0]!.message).toMatch(/names device did:key:z6MkOtherDevice/);
    expect(v.status).toBe('FLAGGED');
  });

  it('refuses a certificate dated after the reading, and one with impossible dates', () => {
    expect(
      findingsOf(verdictWith(record({ calibrated_on: '2026-03-01', next_due: '2028-03-01' })))[0],
    ).toMatchObject({
      rule: 'calibration.invalid',
      unit: 'd',
    });
    expect(
      findingsOf(verdictWith(record({ calibrated_on: '2025-06-01', next_due: '2025-01-01' })))[0]?.rule,
    ).toBe('calibration.invalid');
    expect(
      calibrationStanding(record({ calibrated_on: '2025-02-30' }), { deviceId: 'x', atMs: NOW }).kind,
    ).toBe('bad_dates');
  });

  it('judges a meter with no record by on_missing', () => {
    expect(findingsOf(verdictWith(undefined))).toEqual([]);
    expect(findingsOf(verdictWith(undefined, config('flag', 'flag')))[0]).toMatchObject({
      rule: 'calibration.overdue',
      unit: 'certificates',
    });
    expect(verdictWith(undefined, config('flag', 'reject')).status).toBe('REJECTED');
  });

  it('reads the calibration section of the shipped policy', () => {
    const { policy } = parsePolicy(amsSource, 'ams.yaml');
    const c = verificationConfigOf(policy!);
    expect(c.calibration).toMatchObject({ onLapse: 'flag', onMissing: 'ignore', approverRole: 'verifier' });
    expect(c.calibration!.intervalsMs.energy_export).toBe(730 * DAY);
  });

  it('refuses a calibration interval in years and an approver role the policy lacks', () => {
    const bad = mutate(
      mutate(amsSource, 'energy_export: P730D', 'energy_export: P2Y'),
      'approver_role: verifier',
      'approver_role: auditor',
    );
    const { policy, problems } = parsePolicy(bad, 'bad.yaml');
    expect(policy).toBeUndefined();
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/P2Y.*weeks or days/);
    expect(messages).toMatch(/approver_role 'auditor' is not a role/);
  });

  it('accepts meters with calibration records in the plant file and refuses malformed ones', () => {
    const device = newDevice();
    const plant = smallPlant([device]);
    plant.devices = [
      {
        device_id: device.did,
        scope: 'plant',
        meters: [{ type: 'energy_export', accuracy_class: 0.2, calibration: record() }],
      },
    ];
    expect(parsePlant(plant).problems).toEqual([]);
    const broken = structuredClone(plant) as unknown as { devices: { meters: Record<string, unknown>[] }[] };
    broken.devices[0]!.meters[0]!.calibration = {
      certificate_id: 'x',
      laboratory: 'y',
      calibrated_on: 'yesterday',
      next_due: '2026-01-01',
    };
    expect(parsePlant(broken).problems.join('\n')).toMatch(/calibrated_on/);
    broken.devices[0]!.meters[0] = { type: 'ph', accuracy_class: 0.2 };
    expect(parsePlant(broken).problems.length).toBeGreaterThan(0);
  });
});

describe('reference meter check', () => {
  const at = (i: number) => Date.UTC(2026, 0, 1) + i * 900_000;
  const reference = Array.from({ length: 16 }, (_, i) => ({ endMs: at(i), value: 700 + i * 3 }));

  it('computes the error of the meter under test over the window and judges it against its class', () => {
    const underTest = reference.map((s, i) => ({
      endMs: s.endMs,
      value: s.value * (1 - 0.004 + Math.sin(i) * 0.0002),
    }));
    const { check } = referenceMeterCheck({ underTest, reference, accuracyClass: 0.2 });
    expect(check!.intervals).toBe(16);
    expect(check!.error_percent).toBeCloseTo(-0.4, 1);
    expect(check!.within_class).toBe(false);
    expect(
      referenceMeterCheck({ underTest: reference, reference, accuracyClass: 0.2 }).check!.within_class,
    ).toBe(true);
  });

  it('refuses too few matched intervals, non-finite and negative values', () => {
    expect(
      referenceMeterCheck({ underTest: reference.slice(0, 3), reference, accuracyClass: 0.2 }).problem,
    ).toMatch(/at least 4/);
    expect(
      referenceMeterCheck({ underTest: [{ endMs: at(0), value: Number.NaN }], reference, accuracyClass: 0.2 })
        .problem,
    ).toMatch(/finite/);
    expect(
      referenceMeterCheck({ underTest: [{ endMs: at(0), value: -1 }], reference, accuracyClass: 0.2 })
        .problem,
    ).toMatch(/finite/);
    expect(referenceMeterCheck({ underTest: reference, reference, accuracyClass: 0 }).problem).toMatch(
      /accuracy class/,
    );
  });
});
