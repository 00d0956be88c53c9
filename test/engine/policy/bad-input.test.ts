import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../engine/policy/index.ts';
import { amsSource } from './support.ts';

function codes(source: string): string[] {
  return parsePolicy(source, 'bad.yaml').problems.map((p) => p.code);
}

describe('bad input never crashes or hangs', () => {
  it('reports an empty file as not a policy', () => {
    expect(codes('')).toEqual(['not-a-policy']);
  });

  it('reports a YAML scalar and a YAML list as not a policy', () => {
    expect(codes('just a sentence')).toEqual(['not-a-policy']);
    expect(codes('- a\n- b\n')).toEqual(['not-a-policy']);
  });

  it('reports binary content', () => {
    expect(codes('\u0000\u0001\u0002ELF\u0000')).toEqual(['not-a-policy']);
  });

  it('refuses a 10 MB file before parsing it', () => {
    const huge = `a: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
    expect(codes(huge)).toEqual(['too-large']);
  });

  it('refuses deeply nested flow collections', () => {
    expect(codes(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toEqual(['too-deep']);
  });

  it('refuses deeply nested block mappings', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(codes(`${deep} 1\n`)).toEqual(['too-deep']);
  });

  it('refuses an alias bomb (billion laughs)', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
    ].join('\n');
    expect(codes(bomb)).toEqual(['alias-limit']);
  });

  it('reports a second YAML document in the same file', () => {
    expect(codes(`${amsSource}\n---\nid: other\n`)).toContain('yaml-syntax');
  });

  it('reports an oversized expression as a schema problem', () => {
    const long = amsSource.replace(
      "LE: { unit: tCO2e, expr: '0.0' }",
      `LE: { unit: tCO2e, expr: '${'0.0 + '.repeat(600)}0.0' }`,
    );
    expect(codes(long)).toContain('schema');
  });

  it('reports a hostile expression (deep nesting) without throwing', () => {
    const deep = `${'('.repeat(40)}0.0${')'.repeat(40)}`;
    const source = amsSource.replace(
      "LE: { unit: tCO2e, expr: '0.0' }",
      `LE: { unit: tCO2e, expr: '${deep}' }`,
    );
    expect(codes(source)).toContain('expression-syntax');
  });

  it('returns problems, never throws, for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const { policy, problems } = parsePolicy(text, 'fuzz.yaml');
        return (
          policy === undefined && problems.length > 0 && problems.every((p) => p.line >= 1 && p.col >= 1)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('returns problems, never throws, for random edits of a real policy', () => {
    fc.assert(
      fc.property(
        fc.nat(amsSource.length - 1),
        fc.nat(40),
        fc.string({ maxLength: 12 }),
        (at, cut, insert) => {
          const source = amsSource.slice(0, at) + insert + amsSource.slice(at + cut);
          const { policy, problems } = parsePolicy(source, 'fuzz.yaml');
          return policy !== undefined || problems.length > 0;
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('oversized but well-formed policies', () => {
  it('refuses a workflow with thousands of states through the schema', () => {
    const states = Array.from(
      { length: 5000 },
      (_, i) => `      s${i}: { on: { approve: s${(i + 1) % 5000} } }`,
    ).join('\n');
    const source = amsSource.replace('    states:\n      draft:', `    states:\n${states}\n      draft:`);
    const { problems } = parsePolicy(source, 'big.yaml');
    expect(problems.some((p) => p.code === 'schema' && p.message.includes('more than 200'))).toBe(true);
  });
});
