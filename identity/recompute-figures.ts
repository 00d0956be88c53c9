import { computeMethodology, type MethodologyResult } from '../engine/methodology/compute-methodology.ts';
import type { EnergyDocument } from '../engine/methodology/period-energy.ts';
import { periodEnergy } from '../engine/methodology/period-energy.ts';
import type { Plant } from '../engine/plant/plant.ts';
import type { CheckedPolicy } from '../engine/policy/policy-document.ts';
import type { ProjectOverrides } from '../engine/policy/resolve-parameters.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';

export interface RecomputedFigures {
  egMwh: number;
  tegMwh: number;
  result: MethodologyResult;
}

/** Equal within 1e-9 relative: the methodology reports figures at 12 significant digits. */
function same(claimed: unknown, recomputed: number): boolean {
  return (
    typeof claimed === 'number' && Math.abs(claimed - recomputed) <= 1e-9 * Math.max(1, Math.abs(recomputed))
  );
}

/**
 * Re-runs the policy's methodology (engine/ code, as the service runs it) over the readings that
 * may count and compares every figure the MonitoringReport and the Issuance state. A difference
 * names the figure, the value claimed and the value recomputed.
 */
export function recomputeFigures(input: {
  policy: CheckedPolicy;
  plant: Plant;
  overrides: ProjectOverrides;
  counted: readonly EnergyDocument[];
  report: Record<string, unknown>;
  issuance: Record<string, unknown>;
}): { checks: TrustChainCheck[]; figures?: RecomputedFigures } {
  const { egMwh, tegMwh } = periodEnergy(input.counted);
  let result: MethodologyResult;
  try {
    result = computeMethodology({
      policy: input.policy,
      plant: input.plant,
      egMwh,
      tegMwh,
      overrides: input.overrides,
    });
  } catch (error) {
    return { checks: [fail('figure:methodology', `cannot recompute: ${(error as Error).message}`)] };
  }
  const r = input.report;
  const rows: Array<[string, unknown, number]> = [
    ['EG', r.egMwh, result.eg_mwh],
    ['EF_grid', r.efGridTco2PerMwh, result.ef_grid_tco2_per_mwh],
    ['BE', r.beTco2e, result.be_tco2e],
    ['PE', r.peTco2e, result.pe_tco2e],
    ['LE', r.leTco2e, result.le_tco2e],
    ['ER', r.erTco2e, result.er_tco2e],
  ];
  if (r.tegMwh !== undefined) rows.splice(1, 0, ['TEG', r.tegMwh, tegMwh]);
  const checks = rows.map(([name, claimed, recomputed]) =>
    same(claimed, recomputed)
      ? pass(`figure:${name}`, `${recomputed} recomputed from ${input.counted.length} reading(s)`)
      : fail(`figure:${name}`, `claimed ${String(claimed)}, recomputed ${recomputed}`),
  );
  const amount = String(result.token.amount);
  for (const [where, claimed] of [
    ['report', r.amount],
    ['issuance', input.issuance.amount],
  ] as const) {
    checks.push(
      String(claimed) === amount
        ? pass(`figure:amount.${where}`, `${amount} = floor(ER × 10^${result.token.decimals})`)
        : fail(`figure:amount.${where}`, `claimed ${String(claimed)}, recomputed ${amount}`),
    );
  }
  checks.push(
    r.eligible === result.eligible
      ? pass('figure:eligible', result.eligible ? 'eligible' : `not eligible: ${result.reason}`)
      : fail('figure:eligible', `claimed ${String(r.eligible)}, recomputed ${result.eligible}`),
  );
  return { checks, figures: { egMwh, tegMwh, result } };
}
