import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { credentialSubjectSchema, PolicyError } from '../../../engine/policy/index.ts';
import { amsPolicy } from './support.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);

describe('credentialSubjectSchema', () => {
  const policy = amsPolicy();
  const validate = ajv.compile(credentialSubjectSchema(policy, 'MonitoringReport'));
  const report = {
    project_id: 'kali-small-hpp',
    period_start: '2026-01-01T00:00:00Z',
    period_end: '2026-02-01T00:00:00Z',
    eg: 1000,
    ef_grid: 0.758,
    be: 758,
    pe: 0,
    le: 0,
    er: 758,
    policy_hash: 'a'.repeat(64),
  };

  it('accepts a subject that follows the declaration', () => {
    expect(validate(report)).toBe(true);
  });

  it('rejects missing, extra and mistyped fields', () => {
    const { er: _er, ...missing } = report;
    expect(validate(missing)).toBe(false);
    expect(validate({ ...report, bonus: 1 })).toBe(false);
    expect(validate({ ...report, eg: '1000' })).toBe(false);
    expect(validate({ ...report, period_end: 'next month' })).toBe(false);
    expect(validate({ ...report, policy_hash: 'xyz' })).toBe(false);
  });

  it('types DIDs and integers', () => {
    const device = ajv.compile(credentialSubjectSchema(policy, 'DeviceRegistration'));
    const ok = {
      device_id: 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH',
      plant_id: 'p',
      scope: 'plant',
      registered_at: '2026-01-01T00:00:00Z',
    };
    expect(device(ok)).toBe(true);
    expect(device({ ...ok, device_id: 'not-a-did' })).toBe(false);
    const issuance = ajv.compile(credentialSubjectSchema(policy, 'Issuance'));
    expect(issuance({ token_id: '0.0.5', amount: 1.5, er: 1.5, monitoring_report: 'b'.repeat(64) })).toBe(
      false,
    );
  });

  it('refuses a credential the policy does not declare', () => {
    expect(() => credentialSubjectSchema(policy, 'Nope')).toThrow(PolicyError);
  });
});
