import { html } from '../html.ts';

const label = (k: string) => k.replace(/_/g, ' ');

function show(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
  if (v === null || v === undefined) return '—';
  return String(v);
}

/** A nested record as definition lists (two levels deep; deeper values as JSON). */
export function Facts({ value, depth = 0 }: { value: Record<string, unknown>; depth?: number }) {
  return html`<dl class="facts">
    ${Object.entries(value).map(([k, v]) =>
      v !== null && typeof v === 'object' && depth < 2
        ? html`<dt>${label(k)}</dt><dd><${Facts} value=${v as Record<string, unknown>} depth=${depth + 1} /></dd>`
        : html`<dt>${label(k)}</dt><dd>${typeof v === 'object' && v !== null ? html`<code>${JSON.stringify(v)}</code>` : show(v)}</dd>`,
    )}
  </dl>`;
}
