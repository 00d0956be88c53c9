import type { Plant } from '../plant/plant.ts';
import type { CheckedPolicy } from '../policy/policy-document.ts';
import { type ProjectOverrides, resolveParameters } from '../policy/resolve-parameters.ts';
import { conversionFactor, parseUnit } from '../units/index.ts';
import { compiledMethodology } from './compiled-methodology.ts';
import { inputSources } from './input-sources.ts';
import { MethodologyError } from './methodology-error.ts';

/** Exactly the JSON `mrv methodology compute` prints. */
export interface MethodologyResult {
  methodology: string;
  eg_mwh: number;
  ef_grid_tco2_per_mwh: number;
  be_tco2e: number;
  pe_tco2e: number;
  le_tco2e: number;
  er_tco2e: number;
  eligible: boolean;
  reason?: string;
  token: { symbol: string; decimals: number; amount: number };
}

export interface ComputeMethodologyOptions {
  policy: CheckedPolicy;
  plant: Pick<Plant, 'capacity_kw' | 'grid' | 'reservoir'>;
  /** Net electricity exported to the grid in the period (EG), MWh. */
  egMwh: number;
  /** Gross generation (TEG), MWh; defaults to EG. */
  tegMwh?: number;
  overrides?: ProjectOverrides;
}

/**
 * Binary floating point turns 758 into 757.9999999999999 after a few unit conversions; rounding to 12
 * significant digits removes that noise (far below any metering precision) before values are
 * reported or floored.
 */
function clean(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}

function sourceValue(source: string, options: ComputeMethodologyOptions): number | undefined {
  if (source === 'period.eg_mwh') return options.egMwh;
  if (source === 'period.teg_mwh') return options.tegMwh ?? options.egMwh;
  let node: unknown = options.plant;
  for (const key of source.split('.').slice(1)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node === undefined || node === null ? undefined : (node as number);
}

/**
 * Applies the policy's methodology to one monitoring period: inputs from the period and the plant
 * file, formulas in dependency order (in coherent base units), eligibility, and the mint amount in the
 * token's smallest unit — floor(ER × 10^decimals), never rounded up; 0 when not eligible.
 *
 * @example
 * computeMethodology({ policy, plant, egMwh: 1000 })
 * // { methodology: 'AMS-I.D', eg_mwh: 1000, …, er_tco2e: 758, eligible: true, token: { …, amount: 758000 } }
 * @throws MethodologyError for missing, non-numeric or out-of-bounds inputs
 */
export function computeMethodology(options: ComputeMethodologyOptions): MethodologyResult {
  const { policy } = options;
  const doc = policy.document;
  const m = doc.methodology;
  const compiled = compiledMethodology(policy);
  const vars: Record<string, number> = {};
  const params = resolveParameters(policy, options.overrides);
  for (const [name, value] of Object.entries(params)) {
    const u = parseUnit(doc.parameters[name]!.unit);
    vars[name] = value * u.factor + u.offset;
  }
  const inputValues: Record<string, number> = {};
  for (const [name, input] of Object.entries(m.inputs)) {
    const source = inputSources[input.source]!;
    let raw = sourceValue(input.source, options);
    let unit = source.unit;
    if (raw === undefined && typeof source.fallback === 'number') raw = source.fallback;
    if (raw === undefined && input.default !== undefined) {
      raw = input.default;
      unit = input.unit;
    }
    if (raw === undefined) throw new MethodologyError('MISSING_INPUT', `input ${name} needs ${input.source}`);
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      throw new MethodologyError('INVALID_INPUT', `input ${name} (${input.source}) must be a finite number`);
    }
    const value = raw * conversionFactor(unit, input.unit);
    if ((input.min !== undefined && value < input.min) || (input.max !== undefined && value > input.max)) {
      throw new MethodologyError(
        'INPUT_OUT_OF_BOUNDS',
        `input ${name} = ${value} ${input.unit} is outside [${input.min ?? '-∞'}, ${input.max ?? '∞'}]`,
      );
    }
    inputValues[name] = value;
    vars[name] = value * parseUnit(input.unit).factor;
  }
  const outputs: Record<string, number> = {};
  for (const f of compiled.formulas) {
    const base = f.evaluate(vars);
    if (typeof base !== 'number' || !Number.isFinite(base)) {
      throw new MethodologyError('NON_FINITE', `formula ${f.name} is not a finite number for these inputs`);
    }
    const factor = parseUnit(f.unit).factor;
    outputs[f.name] = clean(base / factor);
    vars[f.name] = outputs[f.name]! * factor;
  }
  const failed = compiled.eligibility.find((rule) => rule.evaluate(vars) !== true);
  const inTonnes = (name: string) =>
    clean(outputs[name]! * conversionFactor(m.formulas[name]!.unit, 'tCO2e'));
  const mintedInTokens =
    outputs[m.mint.amount]! * conversionFactor(m.formulas[m.mint.amount]!.unit, m.token.unit);
  const amount = failed ? 0 : Math.max(0, Math.floor(clean(mintedInTokens * 10 ** m.token.decimals)));
  if (!Number.isSafeInteger(amount)) {
    throw new MethodologyError('AMOUNT_OVERFLOW', `mint amount ${amount} exceeds the largest exact integer`);
  }
  const result: MethodologyResult = {
    methodology: m.id,
    eg_mwh: inputValues.EG!,
    ef_grid_tco2_per_mwh: clean(inputValues.EF_grid! * conversionFactor(m.inputs.EF_grid!.unit, 'tCO2e/MWh')),
    be_tco2e: inTonnes('BE'),
    pe_tco2e: inTonnes('PE'),
    le_tco2e: inTonnes('LE'),
    er_tco2e: inTonnes('ER'),
    eligible: !failed,
    token: { symbol: m.token.symbol, decimals: m.token.decimals, amount },
  };
  if (failed) result.reason = failed.reason;
  return failed ? reorder(result) : result;
}

/** Puts `reason` right after `eligible`, as the CLI contract shows it. */
function reorder(r: MethodologyResult): MethodologyResult {
  const { token, ...rest } = r;
  return { ...rest, token };
}
