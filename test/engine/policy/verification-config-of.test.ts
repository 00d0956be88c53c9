import { describe, expect, it } from 'vitest';
import { parsePolicy, verificationConfigOf } from '../../../engine/policy/index.ts';
import { ruleCatalog } from '../../../engine/verification/rule-catalog.ts';
import { amsPolicy, amsSource, mutate } from './support.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('verificationConfigOf', () => {
  const policy = amsPolicy();

  it('resolves thresholds, weights, rule parameters and efficiency bands from the policy', () => {
    const config = verificationConfigOf(policy);
    expect(config.thresholds).toEqual({ approve: 0.8, reject: 0.4 });
    expect(config.rules['physics.capacity'].params.tolerance).toBe(0.05);
    expect(config.rules['physics.export_ratio'].params).toEqual({ min: 0.9, max: 1 });
    expect(config.rules['stats.drift'].params.k).toBe(6);
    expect(config.efficiencyBands.francis).toEqual({ min: 0.7, max: 0.96 });
    expect(Object.keys(config.efficiencyBands).sort()).toEqual([
      'crossflow',
      'francis',
      'kaplan',
      'pelton',
      'turgo',
    ]);
  });

  it('keeps every catalog rule, with catalog defaults where the policy is silent', () => {
    const config = verificationConfigOf(policy);
    expect(Object.keys(config.rules).sort()).toEqual(Object.keys(ruleCatalog).sort());
    expect(config.rules['time.future']).toEqual({ enabled: true, weight: 0, params: { tolerance_s: 300 } });
    expect(config.rules['stats.step'].weight).toBe(ruleCatalog['stats.step'].weight);
  });

  it('applies project overrides within bounds', () => {
    const config = verificationConfigOf(policy, { approve_threshold: 0.9, eff_kaplan_min: 0.75 });
    expect(config.thresholds.approve).toBe(0.9);
    expect(config.efficiencyBands.kaplan.min).toBe(0.75);
  });

  it('refuses overrides that are unknown, fixed, out of bounds or not numbers', () => {
    expect(codeOf(() => verificationConfigOf(policy, { nope: 1 }))).toBe('UNKNOWN_PARAMETER');
    expect(codeOf(() => verificationConfigOf(policy, { pd_min: 3 }))).toBe('OVERRIDE_NOT_ALLOWED');
    expect(codeOf(() => verificationConfigOf(policy, { approve_threshold: 0.5 }))).toBe(
      'OVERRIDE_OUT_OF_BOUNDS',
    );
    expect(codeOf(() => verificationConfigOf(policy, { approve_threshold: Number.NaN }))).toBe(
      'OVERRIDE_OUT_OF_BOUNDS',
    );
  });

  it('converts a parameter declared in percent to the catalog unit', () => {
    let source = mutate(
      amsSource,
      "capacity_tolerance: { unit: '1', default: 0.05, min: 0, max: 0.2",
      "capacity_tolerance: { unit: '%', default: 5, min: 0, max: 20",
    );
    source = mutate(
      source,
      'physics.capacity: { params: { tolerance: capacity_tolerance } }',
      'physics.capacity: { params: { tolerance: capacity_tolerance } }',
    );
    const { policy: pct, problems } = parsePolicy(source, 'p.yaml');
    expect(problems).toEqual([]);
    expect(verificationConfigOf(pct!).rules['physics.capacity'].params.tolerance).toBeCloseTo(0.05, 12);
    expect(
      verificationConfigOf(pct!, { capacity_tolerance: 10 }).rules['physics.capacity'].params.tolerance,
    ).toBeCloseTo(0.1, 12);
  });

  it('lets a policy disable a soft rule', () => {
    const { policy: p } = parsePolicy(
      mutate(amsSource, 'stats.drift: { weight: 0.3, params: { k: 6 } }', 'stats.drift: { enabled: false }'),
      'p.yaml',
    );
    expect(verificationConfigOf(p!).rules['stats.drift'].enabled).toBe(false);
  });
});
