import type { Sample } from '../collectors/collector.ts';
import type { Point } from '../template/edge-template.ts';

interface InstantStats {
  point: Point;
  sum: number;
  good: number;
  gaps: number;
  lastGap?: string;
}

interface CounterRead {
  point: Point;
  value?: number;
  at_ms?: number;
  gaps: number;
  lastGap?: string;
}

/**
 * The samples of one device during one aggregation interval: instantaneous points are averaged over
 * their good samples (quality = good share), cumulative registers keep their latest good reading.
 * Gaps are counted, never averaged in.
 */
export class IntervalWindow {
  readonly instants = new Map<string, InstantStats>();
  readonly counters = new Map<string, CounterRead>();

  add(point: Point, sample: Sample, atMs: number): void {
    if (point.counter) {
      const c = this.counters.get(point.sensor_id) ?? { point, gaps: 0 };
      if ('gap' in sample) {
        c.gaps++;
        c.lastGap = sample.gap;
      } else {
        c.value = sample.value;
        c.at_ms = atMs;
      }
      this.counters.set(point.sensor_id, c);
      return;
    }
    const s = this.instants.get(point.sensor_id) ?? { point, sum: 0, good: 0, gaps: 0 };
    if ('gap' in sample) {
      s.gaps++;
      s.lastGap = sample.gap;
    } else {
      s.sum += sample.value;
      s.good++;
    }
    this.instants.set(point.sensor_id, s);
  }

  /** Means with their quality; sensors without a single good sample are listed as gaps. */
  means(): { point: Point; value: number; quality: number }[] {
    return [...this.instants.values()]
      .filter((s) => s.good > 0)
      .map((s) => ({ point: s.point, value: s.sum / s.good, quality: s.good / (s.good + s.gaps) }));
  }

  gaps(): { sensor_id: string; reason: string }[] {
    const out: { sensor_id: string; reason: string }[] = [];
    for (const s of this.instants.values())
      if (s.good === 0) out.push({ sensor_id: s.point.sensor_id, reason: s.lastGap ?? 'no sample' });
    for (const c of this.counters.values())
      if (c.value === undefined) out.push({ sensor_id: c.point.sensor_id, reason: c.lastGap ?? 'no sample' });
    return out;
  }

  /** Last-read summary for `mrv-edge status`. */
  summary(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.instants.values())
      out[s.point.sensor_id] =
        s.good > 0 ? `${round(s.sum / s.good)} ${s.point.unit}` : `gap: ${s.lastGap ?? 'no sample'}`;
    for (const c of this.counters.values())
      out[c.point.sensor_id] =
        c.value !== undefined ? `${round(c.value)} ${c.point.unit} (register)` : `gap: ${c.lastGap}`;
    return out;
  }
}

function round(v: number): number {
  return Number(v.toPrecision(8));
}
