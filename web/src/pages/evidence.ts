import { useEffect, useMemo, useState } from 'preact/hooks';
import { html } from '../html.ts';
import { DecisionForm } from '../parts/decision-form.ts';
import { type EvidencePoint, type Limit, QuantityChart, quantities } from '../parts/evidence-chart.ts';
import { ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';
import { go } from '../router.ts';
import { allows, type Session } from '../session.ts';
import type { Finding } from './review-queue.ts';

interface Evidence {
  reading: {
    id: string;
    status: string;
    device_id: string;
    project_id: string;
    did: string;
    seq: number;
    timestamp: string;
    findings: Finding[];
    review: { decision: string; reason: string; reviewer: string; decided_at: string } | null;
  };
  series: EvidencePoint[];
  device: {
    id: string;
    name: string | null;
    status: string;
    scope: string;
    policy_status: string | null;
    did: string;
  } | null;
  registration: { id: string; issued_at: string } | null;
  calibration: Record<string, unknown> | null;
}

const isTyping = (e: KeyboardEvent) =>
  e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);

/** What a verifier looks at before deciding: the device's history around the flagged point. */
export function EvidencePage({ session, readingId }: { session: Session; readingId: string }) {
  const { data, error, loading, reload } = useApi<Evidence>(
    `/v1/readings/${encodeURIComponent(readingId)}/evidence`,
  );
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [result, setResult] = useState('');
  const [width, setWidth] = useState(() => Math.max(320, Math.min(900, innerWidth - 320)));
  const canDecide = allows(session, 'review:write');
  useEffect(() => {
    const onResize = () => setWidth(Math.max(320, Math.min(900, innerWidth - 320)));
    addEventListener('resize', onResize);
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'a' && canDecide) setDeciding('approve');
      else if (e.key === 'r' && canDecide) setDeciding('reject');
      else if (e.key === 'u' || e.key === 'Escape') go('reviews');
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('resize', onResize);
      removeEventListener('keydown', onKey);
    };
  }, [canDecide]);
  const limitsByUnit = useMemo(() => {
    const out = new Map<string, Limit[]>();
    for (const f of data?.reading.findings ?? []) {
      if (typeof f.limit !== 'number' || !f.unit) continue;
      out.set(f.unit, [...(out.get(f.unit) ?? []), { rule: f.rule, limit: f.limit, unit: f.unit }]);
    }
    return out;
  }, [data]);
  if (loading && !data) return html`<${Loading} what="the reading's evidence" />`;
  if (!data) return html`<${ErrorBox} error=${error} />`;
  const r = data.reading;
  return html`
    <p><a href="#/reviews">← Back to the queue</a> <span class="hint">(<kbd>u</kbd>)</span></p>
    <h1>Reading ${r.id}</h1>
    <p>Status <strong class=${`status ${r.status}`} data-testid="reading-status">${r.status}</strong> · device ${r.device_id} · seq ${r.seq} · measured until <time datetime=${r.timestamp}>${new Date(r.timestamp).toLocaleString()}</time></p>
    <section aria-labelledby="charts-h">
      <h2 id="charts-h">The device's readings around it</h2>
      <p class="hint">The red dot and rule mark this reading; dashed red lines are the limits its findings broke.</p>
      ${quantities.map(
        (q) =>
          html`<${QuantityChart} points=${data.series} flaggedId=${r.id} quantity=${q} limits=${limitsByUnit.get(q.unit) ?? []} width=${width} />`,
      )}
    </section>
    <section aria-labelledby="findings-h">
      <h2 id="findings-h">Findings</h2>
      <table>
        <thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Value</th><th scope="col">Limit</th><th scope="col">Unit</th><th scope="col">Message</th></tr></thead>
        <tbody>${r.findings.map(
          (f) =>
            html`<tr class=${f.severity}><td>${f.rule}</td><td>${f.severity}</td><td>${f.measured ?? '—'}</td><td>${f.limit ?? '—'}</td><td>${f.unit ?? ''}</td><td>${f.message}</td></tr>`,
        )}</tbody>
      </table>
    </section>
    <section aria-labelledby="device-h" class="facts">
      <h2 id="device-h">Device</h2>
      ${
        data.device
          ? html`<dl>
              <dt>Name</dt><dd>${data.device.name ?? data.device.id}</dd>
              <dt>Status</dt><dd>${data.device.status}${data.device.policy_status ? ` (${data.device.policy_status})` : ''}</dd>
              <dt>Scope</dt><dd>${data.device.scope}</dd>
              <dt>DID</dt><dd class="mono">${data.device.did}</dd>
              <dt>Registration</dt><dd>${data.registration ? `credential ${data.registration.id}, issued ${new Date(data.registration.issued_at).toLocaleString()}` : 'no registration credential on record'}</dd>
              <dt>Calibration</dt><dd>${data.calibration ? JSON.stringify(data.calibration) : 'no calibration on record'}</dd>
            </dl>`
          : html`<p>The device is not on record.</p>`
      }
    </section>
    ${r.review ? html`<p class="state ok">Decided: ${r.review.decision} by ${r.review.reviewer} — “${r.review.reason}”</p>` : null}
    ${result ? html`<p class="state ok" role="status">${result}</p>` : null}
    ${
      canDecide && r.status === 'FLAGGED'
        ? html`<p class="hint">Keys: <kbd>a</kbd> approve, <kbd>r</kbd> reject.</p>
          <${DecisionForm} label="Decide this reading" path=${`/v1/reviews/${r.id}/decision`} initial=${deciding}
            onDone=${(res: { decision: string; workflow_status?: string; acted_as?: string }) => {
              setResult(
                `Recorded: ${res.decision} as ${res.acted_as ?? 'reviewer'}; the workflow says ${res.workflow_status ?? 'pending'}.`,
              );
              reload();
            }} />`
        : null
    }
  `;
}
