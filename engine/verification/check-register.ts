import type { TelemetryDocument } from '../telemetry/telemetry-document.ts';
import { convert } from '../units/index.ts';
import type { Observation } from './observation.ts';
import { enabled, finding, param, type RuleInput, show } from './rule-input.ts';
import type { ScopeProfile } from './scope-profile.ts';
import type { Finding } from './verdict.ts';
import type { VerificationConfig } from './verification-config.ts';

/**
 * The register must advance by the export accepted since its last reading, within the meter's
 * accuracy class. Time not covered by accepted readings (a gap, a rejected document) may add at most
 * capacity × that time — missing data is not fraud. A register that goes backwards is rejected.
 */
export function checkRegister(input: RuleInput): Finding[] {
  const { document, observation, state, profile, config } = input;
  const register = observation.values.energy_register;
  const previous = state.register;
  if (!enabled(config, 'physics.register_delta') || register === undefined || !previous) return [];
  // An older interval arriving late cannot be compared with a newer register reading.
  if (observation.endMs <= previous.at_ms) return [];
  const slack = previous.resolution_kwh + registerResolutionKwh(document) + 1e-6;
  const delta = register - previous.kwh;
  if (delta < -slack) {
    return [
      finding('physics.register_delta', 'error', `energy register went back by ${show(-delta)} kWh`, {
        measured: delta,
        limit: 0,
        unit: 'kWh',
      }),
    ];
  }
  const tolerance =
    profile.accuracyClass / 100 + param(config, 'physics.register_delta', 'extra_tolerance', 0.01);
  const capacityTolerance = param(config, 'physics.capacity', 'tolerance', 0.05);
  const [currentLow, currentHigh] = exportBounds(observation, profile, config);
  const elapsedS = (observation.endMs - previous.at_ms) / 1000;
  const uncoveredS = Math.max(0, elapsedS - previous.covered_s - observation.intervalS);
  const expectedLow = (previous.export_low_kwh + currentLow) * (1 - tolerance) - slack;
  const expectedHigh =
    (previous.export_high_kwh + currentHigh) * (1 + tolerance) +
    profile.capacityKw * (uncoveredS / 3600) * (1 + capacityTolerance) +
    slack;
  const gap = uncoveredS > 0 ? ` (${show(uncoveredS / 3600)} h without accepted readings)` : '';
  if (delta < expectedLow) {
    return [
      finding(
        'physics.register_delta',
        'warning',
        `register advanced ${show(delta)} kWh, less than the ${show(previous.export_low_kwh + currentLow)} kWh of export reported`,
        { measured: delta, limit: expectedLow, unit: 'kWh' },
      ),
    ];
  }
  if (delta > expectedHigh) {
    return [
      finding(
        'physics.register_delta',
        'warning',
        `register advanced ${show(delta)} kWh; reported export and elapsed time explain at most ${show(expectedHigh)} kWh${gap}`,
        { measured: delta, limit: expectedHigh, unit: 'kWh' },
      ),
    ];
  }
  return [];
}

/** Bounds on this interval's export (kWh): the export reading, else 0 … generation × max ratio. */
export function exportBounds(
  observation: Observation,
  profile: ScopeProfile,
  config: VerificationConfig,
): [number, number] {
  const { energy, energy_export: exported } = observation.values;
  if (exported !== undefined) return [exported, exported];
  if (energy !== undefined) return [0, energy * param(config, 'physics.export_ratio', 'max', 1)];
  return [0, profile.capacityKw * (observation.intervalS / 3600)];
}

/**
 * The register's reading resolution in kWh, from the decimals the meter sent: a register in MWh with
 * three decimals cannot resolve less than 1 kWh, and the check must not ask it to.
 */
export function registerResolutionKwh(document: TelemetryDocument): number {
  let total = 0;
  for (const reading of document.readings) {
    if (reading.type === 'energy_register') {
      total += decimalStep(reading.value) * convert(1, reading.unit, 'kWh');
    }
  }
  return total;
}

/** The step of the last decimal a number was written with (12.34 → 0.01), at most 6 decimals. */
export function decimalStep(value: number): number {
  for (let digits = 0; digits <= 6; digits++) {
    const scaled = value * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return 10 ** -digits;
  }
  return 1e-6;
}
