import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyAnalog } from '../../edge/template/apply-analog.ts';
import { decodeRegisters, encodeRegisters, registerModulus } from '../../edge/template/decode-registers.ts';
import { EdgeError } from '../../edge/template/edge-error.ts';
import { type Point, resolvePoints } from '../../edge/template/edge-template.ts';
import { parseTemplate } from '../../edge/template/load-template.ts';
import { BUILTIN_TEMPLATES, loadTemplate } from '../../edge/template/template-library.ts';

const point = (over: Partial<Point>): Point => ({
  sensor_id: 'x',
  type: 'flow_rate',
  unit: 'm3/s',
  byte_order: 'big',
  word_order: 'big',
  data_type: 'uint16',
  scale: 1,
  offset: 0,
  ...over,
});

describe('shipped templates', () => {
  it('every file in edge/templates is valid, listed, and names its source', () => {
    const files = readdirSync('edge/templates')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5));
    expect(files.sort()).toEqual([...BUILTIN_TEMPLATES].sort());
    for (const name of files) {
      const t = loadTemplate(name);
      expect(t.template).toBe(name);
      expect(t.source.manual.length).toBeGreaterThan(10);
      // A map that was not checked against the manual must say so in its note.
      if (!t.source.verified) expect(t.source.note ?? '').toMatch(/not|no public|convention|confirm|verify/i);
    }
  });

  it('covers hydro-plant equipment: revenue meters, generator power/protection, flow meters, a 4–20 mA module', () => {
    const kinds = BUILTIN_TEMPLATES.map((n) => loadTemplate(n).equipment);
    expect(kinds.filter((k) => k === 'revenue_energy_meter').length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain('power_meter');
    expect(kinds).toContain('protection_relay');
    expect(kinds).toContain('flow_meter');
    expect(kinds).toContain('io_module');
  });

  it('energy is only ever a cumulative register', () => {
    const bad = readFileSync('edge/templates/abb-a44.yaml', 'utf8').replace(/\n {4}counter: \{\}/, '');
    expect(() => parseTemplate(bad, 'bad')).toThrow(/counter/);
  });

  it('refuses malformed, hostile and oversized templates with a clear message', () => {
    const cases: [string, RegExp][] = [
      ['{', /not YAML|must be/],
      ['template: x\n', /must have required property|must be/],
      ['a: &a [*a, *a]\n'.repeat(1), /YAML|must/],
      [`${'x: 1\n'.repeat(100_000)}`, /limit/],
      [
        readFileSync('edge/templates/abb-a44.yaml', 'utf8').replace('address: 20480', 'address: 70000'),
        /maximum|must be/,
      ],
      [
        readFileSync('edge/templates/abb-a44.yaml', 'utf8').replace('data_type: uint64', 'data_type: int128'),
        /one of/,
      ],
      [
        readFileSync('edge/templates/abb-a44.yaml', 'utf8').replace(
          'sensor_id: a44_import',
          'sensor_id: a44_power',
        ),
        /twice/,
      ],
      [
        readFileSync('edge/templates/opcua-hydro-scada.yaml', 'utf8').replace(
          '    node_id: "ns=1;s=U1.Flow"\n',
          '',
        ),
        /node_id/,
      ],
    ];
    for (const [text, message] of cases) {
      let caught: unknown;
      try {
        parseTemplate(text, 'case');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(EdgeError);
      expect((caught as EdgeError).message).toMatch(message);
    }
    expect(() => loadTemplate('../../etc/passwd')).toThrow(/bad template name/);
    expect(() => loadTemplate('no-such-template')).toThrow(/no template/);
  });
});

describe('register decoding', () => {
  it('round-trips every data type in every word and byte order', () => {
    const cases: [Point['data_type'], number][] = [
      ['int16', -1234],
      ['uint16', 65000],
      ['int32', -123456789],
      ['uint32', 4_000_000_000],
      ['float32', 12.5],
      ['float64', 8812345.625],
      ['int64', -9_000_000_000],
      ['uint64', 90_000_000_000],
    ];
    for (const [data_type, v] of cases) {
      for (const word_order of ['big', 'little'] as const) {
        for (const byte_order of ['big', 'little'] as const) {
          const p = point({ data_type, word_order, byte_order });
          expect(decodeRegisters(encodeRegisters(v, p), p)).toBe(v);
        }
      }
    }
  });

  it('knows the documented layouts: big-endian float, low word first, scale and offset', () => {
    expect(decodeRegisters([0x4148, 0x0000], point({ data_type: 'float32' }))).toBe(12.5);
    expect(decodeRegisters([0x0000, 0x4148], point({ data_type: 'float32', word_order: 'little' }))).toBe(
      12.5,
    );
    expect(decodeRegisters([0x0001, 0x0000], point({ data_type: 'uint32', scale: 0.1 }))).toBeCloseTo(6553.6);
    expect(decodeRegisters([100], point({ scale: 0.5, offset: -10 }))).toBe(40);
    expect(decodeRegisters([0x7fc0, 0], point({ data_type: 'float32' }))).toBeUndefined();
    expect(decodeRegisters([1], point({ data_type: 'uint32' }))).toBeUndefined();
    expect(registerModulus(point({ data_type: 'uint32', scale: 0.1 }))).toBeCloseTo(429496729.6);
    expect(registerModulus(point({ data_type: 'float32' }))).toBeUndefined();
  });

  it('maps 4–20 mA linearly; a broken loop is a gap', () => {
    const p = point({ analog: { min: 0, max: 10 } });
    expect(applyAnalog({ value: 12 }, p)).toEqual({ value: 5 });
    expect(applyAnalog({ value: 4 }, p)).toEqual({ value: 0 });
    expect(applyAnalog({ value: 1.2 }, p)).toMatchObject({ gap: expect.stringMatching(/broken/) });
    expect(applyAnalog({ value: 22 }, p)).toMatchObject({ gap: expect.stringMatching(/failed/) });
    const adam = resolvePoints(loadTemplate('advantech-adam-6017-4-20ma'))[0]!;
    expect(applyAnalog({ value: decodeRegisters([32768], adam)! }, adam)).toMatchObject({
      value: expect.closeTo(5, 2),
    });
  });
});
