import { enabled, finding, param, type RuleInput, show } from './rule-input.ts';
import { GRAVITY, WATER_DENSITY } from './scope-profile.ts';
import type { Finding } from './verdict.ts';

/**
 * Below this share of the scope's capacity, electrical output is treated as noise (meter resolution,
 * standstill excitation): 0.5 % keeps idle and shutdown intervals out of ratio checks.
 */
export const IDLE_SHARE = 0.005;
/** Below half of rated hydraulic power the efficiency floor falls linearly: turbines are poor at part load. */
const FULL_BAND_LOAD = 0.5;
/** Auxiliary consumption plus step-up losses, as a share of capacity: what export may fall short by. */
const AUXILIARY_SHARE = 0.01;

/**
 * Physics for the device's scope: no negative quantities; energy within capacity × interval; implied
 * efficiency P / (ρ·g·Q·H) at most 1 and inside the turbine band; power × interval ≈ energy; export
 * a plausible share of generation. A device's own claim of efficiency is never read.
 */
export function checkPhysics(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  checkNegative(input, out);
  checkCapacity(input, out);
  checkEfficiency(input, out);
  checkPowerEnergy(input, out);
  checkExportRatio(input, out);
  return out;
}

function checkNegative({ document, config }: RuleInput, out: Finding[]): void {
  if (!enabled(config, 'physics.negative')) return;
  for (const reading of document.readings) {
    // Water near freezing may read a little below 0 °C; every other quantity is non-negative.
    if (reading.type !== 'water_temperature' && reading.value < 0) {
      out.push(
        finding(
          'physics.negative',
          'error',
          `${reading.type} is negative (${reading.value} ${reading.unit})`,
          {
            measured: reading.value,
            limit: 0,
            unit: reading.unit,
          },
        ),
      );
    }
  }
}

function checkCapacity({ observation, profile, config }: RuleInput, out: Finding[]): void {
  if (!enabled(config, 'physics.capacity')) return;
  const tolerance = param(config, 'physics.capacity', 'tolerance', 0.05);
  const hours = observation.intervalS / 3600;
  const limitKwh = profile.capacityKw * hours * (1 + tolerance);
  const { energy, energy_export: exported, power_output: power } = observation.values;
  for (const [name, value] of [
    ['energy', energy],
    ['energy_export', exported],
  ] as const) {
    if (value !== undefined && value > limitKwh) {
      out.push(
        finding(
          'physics.capacity',
          'error',
          `${name} ${show(value)} kWh exceeds ${show(profile.capacityKw)} kW × ${show(hours)} h (+${show(tolerance * 100)} %)`,
          { measured: value, limit: limitKwh, unit: 'kWh' },
        ),
      );
    }
  }
  const limitKw = profile.capacityKw * (1 + tolerance);
  if (power !== undefined && power > limitKw) {
    out.push(
      finding(
        'physics.capacity',
        'error',
        `power_output ${show(power)} kW exceeds capacity ${show(profile.capacityKw)} kW`,
        {
          measured: power,
          limit: limitKw,
          unit: 'kW',
        },
      ),
    );
  }
}

function checkEfficiency({ observation, profile, config }: RuleInput, out: Finding[]): void {
  if (!enabled(config, 'physics.efficiency')) return;
  const { electricalKw, hydraulicKw } = observation;
  const maxPhysical = param(config, 'physics.efficiency', 'max_physical', 1);
  const idleKw = profile.capacityKw * IDLE_SHARE;
  if (electricalKw === undefined || hydraulicKw === undefined) {
    checkWithoutHead(observation, profile, maxPhysical, out);
    return;
  }
  if (electricalKw > hydraulicKw * maxPhysical + idleKw) {
    const eta = hydraulicKw > 0 ? electricalKw / hydraulicKw : undefined;
    out.push(
      finding(
        'physics.efficiency',
        'error',
        eta === undefined
          ? `${show(electricalKw)} kW generated while flow × head gives no hydraulic power`
          : `implied efficiency ${show(eta)} exceeds the physical limit ${show(maxPhysical)} (${show(electricalKw)} kW from ${show(hydraulicKw)} kW of water)`,
        eta === undefined
          ? { measured: electricalKw, limit: idleKw, unit: 'kW' }
          : { measured: eta, limit: maxPhysical, unit: '1' },
      ),
    );
    return;
  }
  if (electricalKw <= idleKw || hydraulicKw <= 0) return;
  const eta = electricalKw / hydraulicKw;
  const load = hydraulicKw / profile.ratedHydraulicKw;
  const floor = profile.band.min * Math.min(1, load / FULL_BAND_LOAD);
  const { max } = profile.band;
  if (eta > max) {
    out.push(
      finding(
        'physics.efficiency',
        'warning',
        `implied efficiency ${show(eta)} is above the turbine band's ${show(max)}`,
        {
          measured: eta,
          limit: max,
          unit: '1',
        },
      ),
    );
  } else if (eta < floor) {
    out.push(
      finding(
        'physics.efficiency',
        'warning',
        `implied efficiency ${show(eta)} is below ${show(floor)} at ${show(load * 100)} % hydraulic load`,
        { measured: eta, limit: floor, unit: '1' },
      ),
    );
  } else {
    out.push(
      finding(
        'physics.efficiency',
        'info',
        `implied efficiency ${show(eta)} within ${show(floor)}–${show(max)}`,
        {
          measured: eta,
          unit: '1',
        },
      ),
    );
  }
}

/** Head may exceed the rating this much (high reservoir, low tailwater) before physics says no. */
const HEAD_MARGIN = 1.3;

/**
 * Devices that meter flow but not head: the rated head (with a generous margin) bounds the hydraulic
 * power, so energy with no flow, or far more than the water could give, is still impossible. The
 * band is not judged: the real head is unknown.
 */
function checkWithoutHead(
  observation: RuleInput['observation'],
  profile: RuleInput['profile'],
  maxPhysical: number,
  out: Finding[],
): void {
  const flow = observation.values.flow_rate;
  const { electricalKw } = observation;
  if (flow === undefined || electricalKw === undefined || profile.maxRatedHeadM === undefined) {
    out.push(finding('physics.efficiency', 'info', 'efficiency not checked: flow or head not reported'));
    return;
  }
  const head = profile.maxRatedHeadM * HEAD_MARGIN;
  const ceilingKw = (WATER_DENSITY * GRAVITY * flow * head) / 1000;
  const idleKw = profile.capacityKw * IDLE_SHARE;
  if (electricalKw > ceilingKw * maxPhysical + idleKw) {
    out.push(
      finding(
        'physics.efficiency',
        'error',
        `${show(electricalKw)} kW exceeds what ${show(flow)} m³/s can give even at ${show(head)} m of head`,
        { measured: electricalKw, limit: ceilingKw * maxPhysical + idleKw, unit: 'kW' },
      ),
    );
  } else {
    out.push(finding('physics.efficiency', 'info', 'efficiency band not checked: head not reported'));
  }
}

function checkPowerEnergy({ observation, profile, config }: RuleInput, out: Finding[]): void {
  const { energy, power_output: power } = observation.values;
  if (!enabled(config, 'physics.power_energy') || energy === undefined || power === undefined) return;
  const tolerance = param(config, 'physics.power_energy', 'tolerance', 0.05);
  const hours = observation.intervalS / 3600;
  const fromPower = power * hours;
  const allowed = tolerance * Math.max(energy, fromPower) + profile.capacityKw * hours * IDLE_SHARE;
  if (Math.abs(fromPower - energy) > allowed) {
    out.push(
      finding(
        'physics.power_energy',
        'warning',
        `power_output × interval is ${show(fromPower)} kWh but energy is ${show(energy)} kWh`,
        { measured: fromPower, limit: energy, unit: 'kWh' },
      ),
    );
  }
}

function checkExportRatio({ observation, profile, config }: RuleInput, out: Finding[]): void {
  const { energy, energy_export: exported } = observation.values;
  if (!enabled(config, 'physics.export_ratio') || energy === undefined || exported === undefined) return;
  const min = param(config, 'physics.export_ratio', 'min', 0.9);
  const max = param(config, 'physics.export_ratio', 'max', 1);
  const capacityKwh = profile.capacityKw * (observation.intervalS / 3600);
  // Meters round; a fraction of a percent of capacity absorbs that without hiding real excess.
  const high = energy * max + capacityKwh * IDLE_SHARE * 0.4;
  // At low output the station's own consumption is a fixed load, not a share of generation.
  const low = energy * min - capacityKwh * AUXILIARY_SHARE;
  const ratio = energy > 0 ? exported / energy : undefined;
  if (exported > high) {
    out.push(
      finding(
        'physics.export_ratio',
        'warning',
        `export ${show(exported)} kWh exceeds generation ${show(energy)} kWh`,
        {
          measured: ratio ?? exported,
          limit: ratio === undefined ? high : max,
          unit: ratio === undefined ? 'kWh' : '1',
        },
      ),
    );
  } else if (exported < low) {
    out.push(
      finding(
        'physics.export_ratio',
        'warning',
        `export ${show(exported)} kWh is only ${show((ratio ?? 0) * 100)} % of generation ${show(energy)} kWh`,
        { measured: ratio ?? 0, limit: min, unit: '1' },
      ),
    );
  }
}
