import type { Sample } from '../collectors/collector.ts';
import type { Point } from './edge-template.ts';

/** NAMUR NE 43: below 3.8 mA the loop is broken (or the transmitter failed) — no measurement. */
const LOOP_BROKEN_MA = 3.8;
const LOOP_FAILED_MA = 20.5;

/**
 * A 4–20 mA input (`analog` in the template): the raw reading in mA becomes the engineering value,
 * linearly from 4 mA = min to 20 mA = max. A current outside NE 43's live band is a gap.
 *
 * @example
 * applyAnalog({ value: 12 }, { ...point, analog: { min: 0, max: 10 } }) // { value: 5 }
 */
export function applyAnalog(sample: Sample, point: Point): Sample {
  if (!point.analog || 'gap' in sample) return sample;
  const ma = sample.value;
  if (ma < LOOP_BROKEN_MA) return { gap: `4-20 mA loop broken (${ma.toFixed(2)} mA)` };
  if (ma > LOOP_FAILED_MA) return { gap: `4-20 mA transmitter failed (${ma.toFixed(2)} mA)` };
  const { min, max } = point.analog;
  return { value: min + ((ma - 4) / 16) * (max - min) };
}
