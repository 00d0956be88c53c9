import { describe, expect, it } from 'vitest';
import { checkPublication, parsePolicy, policyHash } from '../../../engine/policy/index.ts';
import { amsPolicy, amsSource, mutate } from './support.ts';

function hashOf(source: string): string {
  const { policy, problems } = parsePolicy(source, 'p.yaml');
  if (!policy) throw new Error(JSON.stringify(problems));
  return policyHash(policy);
}

describe('policyHash', () => {
  const base = hashOf(amsSource);

  it('is the SHA-256 of the canonical parsed form, as 64 hex characters', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(policyHash(amsPolicy().document)).toBe(base);
  });

  it('ignores comments, quoting and layout', () => {
    let restyled = `# a new comment\n${amsSource.replace(/^# .*\n/gm, '')}`;
    restyled = mutate(restyled, 'version: 1.0.0', "version: '1.0.0'");
    restyled = mutate(
      restyled,
      'anchoring:\n  mode: merkle_batch\n  batch_size: 256\n  interval: PT1H',
      'anchoring: { interval: "PT1H", batch_size: 256, mode: merkle_batch }',
    );
    expect(hashOf(restyled)).toBe(base);
  });

  it('ignores key order', () => {
    const reordered = mutate(
      amsSource,
      'id: hydro-ams-i-d\nversion: 1.0.0\n',
      'version: 1.0.0\nid: hydro-ams-i-d\n',
    );
    expect(hashOf(reordered)).toBe(base);
  });

  it('changes with any semantic edit', () => {
    expect(hashOf(mutate(amsSource, 'P7D: escalated', 'P5D: escalated'))).not.toBe(base);
    expect(hashOf(mutate(amsSource, 'default: 0.8, min: 0.6', 'default: 0.81, min: 0.6'))).not.toBe(base);
  });
});

describe('checkPublication', () => {
  const policy = amsPolicy();
  const record = { id: 'hydro-ams-i-d', version: '1.0.0', hash: policyHash(policy) };

  it('accepts a first publication and an identical republication', () => {
    expect(checkPublication([], policy)).toEqual(record);
    expect(checkPublication([record], policy)).toEqual(record);
  });

  it('refuses to publish changed content under an existing version', () => {
    expect(() => checkPublication([{ ...record, hash: '0'.repeat(64) }], policy)).toThrow(
      /already published/,
    );
  });
});
