import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalForms } from '../../../engine/telemetry/canonical-forms.ts';
import { canonicalJson } from '../../../engine/telemetry/canonical-json.ts';
import { generateSyntheticPlant } from '../../../engine/verification/synthetic/index.ts';

/** The outcome of a serializer: its text, or the message it threw. */
function outcome(serialize: (value: unknown) => string | undefined, value: unknown) {
  try {
    return { text: serialize(value) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

describe('canonicalJson', () => {
  it('writes what the canonicalize package writes for any JSON value, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ depthSize: 'medium' }), fc.string({ unit: 'binary' }), (value, text) => {
        expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalize, value));
        const wrapped = { [text]: [text, value] };
        expect(outcome(canonicalJson, wrapped)).toEqual(outcome(canonicalize, wrapped));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers like the package on values that are not plain JSON, errors included', () => {
    fc.assert(
      fc.property(
        fc.anything({ withSparseArray: true, withBoxedValues: true, withNullPrototype: true }),
        (value) => {
          expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalize, value));
        },
      ),
      { numRuns: 2000 },
    );
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const cases = [
      { at: new Date(0) },
      [1, undefined, () => 1],
      { n: Number.NaN },
      { n: -0, big: 1e21, small: 5e-324 },
      { é: 1, e: 2, '\u{1F600}': 3, '\uD800': 4 },
      cyclic,
    ];
    for (const value of cases) expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalize, value));
    expect(outcome(canonicalJson, cyclic)).toEqual({ error: 'Circular reference detected' });
  });

  it('writes the synthetic plant’s telemetry lines as the package does', () => {
    const { records } = generateSyntheticPlant({ seed: 3, days: 2, faultRate: 0.05 });
    for (const { line } of records) {
      let value: unknown;
      try {
        value = JSON.parse(String(line));
      } catch {
        continue; // the schema faults include lines that are not JSON
      }
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });

  it('gives both forms of a document as the package writes them, with and without the signature', () => {
    const withoutSignature = (value: object) => {
      const { signature: _s, ...rest } = value as { signature?: unknown };
      return rest;
    };
    const documents = fc.oneof(
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.record({
        signature: fc.string({ unit: 'binary' }),
        seq: fc.anything(),
        readings: fc.array(fc.anything()),
      }),
    );
    fc.assert(
      fc.property(documents, (document) => {
        const forms = canonicalForms(document as never);
        expect(outcome(() => forms.signed(), null)).toEqual(outcome(canonicalize, document));
        expect(outcome(() => forms.unsigned(), null)).toEqual(
          outcome(canonicalize, withoutSignature(document)),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
