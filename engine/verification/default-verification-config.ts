import { type RuleId, ruleCatalog } from './rule-catalog.ts';
import type { RuleSettings, TurbineType, VerificationConfig } from './verification-config.ts';

/**
 * Water-to-wire efficiency bands (turbine × generator) per turbine type. `max` is the best plausible
 * peak plus measurement uncertainty of flow and head (a few percent); `min` applies at substantial
 * load — the engine relaxes it at part load, where every turbine is less efficient.
 */
export const defaultEfficiencyBands: Record<TurbineType, { min: number; max: number }> = {
  francis: { min: 0.7, max: 0.96 },
  kaplan: { min: 0.7, max: 0.96 },
  pelton: { min: 0.7, max: 0.94 },
  turgo: { min: 0.65, max: 0.92 },
  crossflow: { min: 0.55, max: 0.88 },
};

/**
 * The verification configuration from the rule catalog's defaults: every rule enabled, catalog
 * weights and parameters, thresholds such that any single failed soft rule (smallest weight 0.1)
 * drops a reading below `approve` and several together below `reject`.
 *
 * @example
 * const config = defaultVerificationConfig();
 * config.rules['physics.capacity'].params.tolerance // 0.05
 */
export function defaultVerificationConfig(): VerificationConfig {
  const rules = {} as Record<RuleId, RuleSettings>;
  for (const id of Object.keys(ruleCatalog) as RuleId[]) {
    const spec = ruleCatalog[id];
    const params: Record<string, number> = {};
    for (const [name, param] of Object.entries(spec.params)) params[name] = param.default;
    rules[id] = { enabled: true, weight: spec.weight, params };
  }
  const efficiencyBands = {} as Record<TurbineType, { min: number; max: number }>;
  for (const [type, band] of Object.entries(defaultEfficiencyBands)) {
    efficiencyBands[type as TurbineType] = { ...band };
  }
  return { thresholds: { approve: 0.95, reject: 0.3 }, rules, efficiencyBands };
}
