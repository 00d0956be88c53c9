import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.ts';

/** One shared clock for every countdown on the page (one timer, not one per row). */
const listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    listeners.add(setNow);
    timer ??= setInterval(() => {
      const t = Date.now();
      for (const l of listeners) l(t);
    }, 1000);
    return () => {
      listeners.delete(setNow);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }, []);
  return now;
}

export function formatSpan(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return d > 0
    ? `${d}d ${h}h ${m}m`
    : `${h}h ${String(m).padStart(2, '0')}m ${String(sec).padStart(2, '0')}s`;
}

/** Time left until the policy's escalation timer fires (or how long ago it did). */
export function Countdown({ at }: { at: string | null }) {
  const now = useNow();
  if (!at) return html`<span class="muted">no timer</span>`;
  const left = Date.parse(at) - now;
  return left > 0
    ? html`<time datetime=${at} class=${left < 86_400_000 ? 'soon' : ''} title=${`escalates at ${at}`}>${formatSpan(left)}</time>`
    : html`<time datetime=${at} class="overdue" title=${`escalated at ${at}`}>escalated ${formatSpan(left)} ago</time>`;
}
