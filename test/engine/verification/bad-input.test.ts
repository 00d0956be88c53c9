import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createVerifier,
  defaultVerificationConfig,
  verifyReading,
} from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, signedReading, smallPlant } from './support.ts';

const device = newDevice();
const plant = smallPlant([device]);
const context = { config: defaultVerificationConfig(), plant, nowMs: NOW };
const valid = signedReading(device, 1, hour(1), { flow: 2.5, head: 45, energy: 900 });

function expectSchemaRejection(input: unknown) {
  const { verdict } = verifyReading(undefined, input, context);
  expect(verdict.status).toBe('REJECTED');
  expect(verdict.findings.some((f) => f.rule === 'schema' && f.severity === 'error')).toBe(true);
}

describe('bad input', () => {
  it('rejects arbitrary bytes with a schema finding and never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expectSchemaRejection(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects arbitrary JSON values with a schema finding', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectSchemaRejection(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects mutated documents without throwing', () => {
    const keys = Object.keys(valid);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const doc = { ...valid, [key]: value };
        const { verdict } = verifyReading(undefined, JSON.stringify(doc), context);
        expect(['REJECTED', 'APPROVED', 'FLAGGED']).toContain(verdict.status);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['an empty line', ''],
    ['whitespace', '   '],
    ['truncated JSON', JSON.stringify(valid).slice(0, 40)],
    ['a JSON array', '[1,2,3]'],
    ['null', 'null'],
    ['a number', '42'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['an unknown top-level member', JSON.stringify({ ...valid, extra: 1 })],
    ['a missing seq', JSON.stringify({ ...valid, seq: undefined })],
    ['a fractional seq', JSON.stringify({ ...valid, seq: 1.5 })],
    ['a negative seq', JSON.stringify({ ...valid, seq: -1 })],
    ['a local-time timestamp', JSON.stringify({ ...valid, timestamp: '2026-01-01T01:00:00+05:30' })],
    ['an impossible date', JSON.stringify({ ...valid, timestamp: '2026-02-30T01:00:00Z' })],
    ['an interval under a minute', JSON.stringify({ ...valid, interval_s: 59 })],
    ['an interval over a day', JSON.stringify({ ...valid, interval_s: 86_401 })],
    ['no readings', JSON.stringify({ ...valid, readings: [] })],
    ['no energy reading', JSON.stringify({ ...valid, readings: [valid.readings[0]] })],
    ['energy in kW', JSON.stringify({ ...valid, readings: [{ type: 'energy', value: 900, unit: 'kW' }] })],
    [
      'an unknown reading type',
      JSON.stringify({ ...valid, readings: [...valid.readings, { type: 'voltage', value: 1, unit: 'V' }] }),
    ],
    [
      'a string value',
      JSON.stringify({ ...valid, readings: [{ type: 'energy', value: '900', unit: 'kWh' }] }),
    ],
    [
      'quality above 1',
      JSON.stringify({ ...valid, readings: [{ type: 'energy', value: 900, unit: 'kWh', quality: 2 }] }),
    ],
    [
      'a sensor reported twice',
      JSON.stringify({ ...valid, readings: [...valid.readings, valid.readings[2]] }),
    ],
    ['an oversized document', JSON.stringify({ ...valid, metadata: { pad: 'x'.repeat(70_000) } })],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['a wrong schema major version', JSON.stringify({ ...valid, schema_version: '2.0.0' })],
  ])('rejects %s', (_name, input) => {
    expectSchemaRejection(input);
  });

  it('rejects an in-memory object with a NaN value', () => {
    expectSchemaRejection({ ...valid, readings: [{ type: 'energy', value: Number.NaN, unit: 'kWh' }] });
  });

  it('rejects an object whose getter throws', () => {
    const hostile = {
      ...valid,
      get seq(): number {
        throw new Error('boom');
      },
    };
    expectSchemaRejection(hostile);
  });

  it('keeps a stream going after bad lines', () => {
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant });
    expect(verifier.verify('not json', NOW).verdict.status).toBe('REJECTED');
    expect(verifier.verify(JSON.stringify(valid), NOW).verdict.status).toBe('APPROVED');
  });
});
