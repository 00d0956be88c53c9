import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.ts';

export interface EvidencePoint {
  id: string;
  timestamp: string;
  status: string;
  flow_m3s: number | null;
  head_m: number | null;
  energy_kwh: number | null;
  power_kw: number | null;
  efficiency: number | null;
}
export interface Limit {
  rule: string;
  limit: number;
  unit: string;
}

/** The quantities charted, and the finding unit whose limits belong on each. */
export const quantities = [
  { key: 'flow_m3s', label: 'Flow', unit: 'm3/s', color: '#1f5fa8' },
  { key: 'head_m', label: 'Head', unit: 'm', color: '#6b4fa0' },
  { key: 'energy_kwh', label: 'Energy', unit: 'kWh', color: '#2f7d32' },
  { key: 'power_kw', label: 'Power', unit: 'kW', color: '#8a5a00' },
  { key: 'efficiency', label: 'Implied efficiency', unit: '1', color: '#a0306b' },
] as const;

/**
 * One small uPlot chart per quantity, sharing the time axis: the flagged reading marked by a red
 * vertical rule and point, each finding's limit drawn as a dashed horizontal line.
 */
export function QuantityChart({
  points,
  flaggedId,
  quantity,
  limits,
  width,
}: {
  points: EvidencePoint[];
  flaggedId: string;
  quantity: (typeof quantities)[number];
  limits: Limit[];
  width: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const xs = points.map((p) => Date.parse(p.timestamp) / 1000);
    const ys = points.map((p) => p[quantity.key]);
    const flaggedAt = points.findIndex((p) => p.id === flaggedId);
    const values = [...ys.filter((y): y is number => y !== null), ...limits.map((l) => l.limit)];
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = (hi - lo || Math.abs(hi) || 1) * 0.1;
    const marks = {
      hooks: {
        draw: [
          (u: uPlot) => {
            const { ctx } = u;
            const { left, top, width: w, height: h } = u.bbox;
            ctx.save();
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
            ctx.strokeStyle = '#b00020';
            for (const l of limits) {
              const y = u.valToPos(l.limit, 'y', true);
              ctx.beginPath();
              ctx.moveTo(left, y);
              ctx.lineTo(left + w, y);
              ctx.stroke();
            }
            ctx.setLineDash([]);
            if (flaggedAt >= 0) {
              const x = u.valToPos(xs[flaggedAt]!, 'x', true);
              ctx.strokeStyle = 'rgba(176,0,32,0.5)';
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + h);
              ctx.stroke();
              const y = ys[flaggedAt];
              if (y !== null && y !== undefined) {
                ctx.fillStyle = '#b00020';
                ctx.beginPath();
                ctx.arc(x, u.valToPos(y, 'y', true), 6 * devicePixelRatio, 0, 2 * Math.PI);
                ctx.fill();
              }
            }
            ctx.restore();
          },
        ],
      },
    };
    const plot = new uPlot(
      {
        width,
        height: 150,
        plugins: [marks],
        scales: { x: { time: true }, y: { range: [lo - pad, hi + pad] } },
        legend: { show: false },
        axes: [{}, { label: quantity.unit === '1' ? 'ratio' : quantity.unit, size: 60 }],
        series: [
          {},
          { label: quantity.label, stroke: quantity.color, width: 1.5, points: { show: true, size: 4 } },
        ],
      },
      [xs, ys as (number | null)[]],
      box.current,
    );
    return () => plot.destroy();
  }, [points, flaggedId, quantity, limits, width]);
  const hasData = points.some((p) => p[quantity.key] !== null);
  return html`
    <figure class="chart" data-quantity=${quantity.key} data-limit-lines=${limits.length}>
      <figcaption>
        ${quantity.label} (${quantity.unit === '1' ? 'ratio' : quantity.unit})
        ${limits.map((l) => html` <span class="limit-key">limit ${l.limit} ${l.unit === '1' ? '' : l.unit} (${l.rule})</span>`)}
        ${hasData ? null : html` <span class="muted">— not reported by this device</span>`}
      </figcaption>
      <div ref=${box} role="img" aria-label=${`${quantity.label} over time around the flagged reading${limits.length ? `, with ${limits.length} limit line(s)` : ''}`}></div>
    </figure>
  `;
}
