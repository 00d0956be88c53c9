import { useState } from 'preact/hooks';
import { html } from '../html.ts';
import { DecisionForm } from '../parts/decision-form.ts';
import { Facts } from '../parts/facts.ts';
import { Empty, ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';
import { allows, type Session } from '../session.ts';

interface Project {
  id: string;
  name: string;
}
interface Period {
  projectId: string;
  period: string;
  status: string;
  readings?: { approved: number; flagged: number; rejected: number };
  eg_mwh?: number;
  er_tco2e?: number;
  eg_by_scope?: { scope: string; eg_mwh: number; teg_mwh: number }[];
  details?: Record<string, unknown>;
  updatedAt?: string;
}
interface Issuance {
  id: string;
  status: string;
  tokenId?: string;
  amount?: number;
  anchor?: { topicId?: string; sequenceNumber?: number } & Record<string, unknown>;
  monitoringReport?: { credentialSubject?: Record<string, unknown> };
  trust_chain_available: boolean;
}

function ProjectPeriods({ project }: { project: Project }) {
  const { data, error, loading } = useApi<{ data: Period[] }>(`/v1/projects/${project.id}/periods`);
  return html`<section class="card" aria-label=${`Periods of ${project.name}`}>
    <h2>${project.name}</h2>
    <${ErrorBox} error=${error} />
    ${loading && !data ? html`<${Loading} what="periods" />` : null}
    ${data && data.data.length === 0 ? html`<p class="muted">No period closed yet. A project developer closes one when the month is over.</p>` : null}
    <ul>${(data?.data ?? []).map(
      (p) =>
        html`<li><a href=${`#/reports/${project.id}/${p.period}`}>${p.period}</a> — <span class=${`status ${p.status}`}>${p.status}</span></li>`,
    )}</ul>
  </section>`;
}

export function ReportsPage() {
  const { data, error, loading } = useApi<{ data: Project[] }>('/v1/projects');
  return html`<h1>Monitoring reports</h1>
    <${ErrorBox} error=${error} />
    ${loading && !data ? html`<${Loading} what="projects" />` : null}
    ${data && data.data.length === 0 ? html`<${Empty}><p>No projects yet. An operator creates one under Projects & devices.</p></${Empty}>` : null}
    <div class="cards">${(data?.data ?? []).map((p) => html`<${ProjectPeriods} project=${p} />`)}</div>`;
}

interface Details {
  egMwh?: number;
  tegMwh?: number;
  efGridTco2PerMwh?: number;
  beTco2e?: number;
  peTco2e?: number;
  leTco2e?: number;
  erTco2e?: number;
  eligible?: boolean;
  amount?: string;
  decimals?: number;
  readings?: Record<string, number>;
  batches?: { batchId: string; topicId: string; sequenceNumber: number }[];
}

const num = (v: number | undefined, digits = 4) =>
  v === undefined ? '—' : Number(v.toFixed(digits)).toString();

/** EG and TEG per metering scope (the plant, each unit), as the workflow computed them. */
function ScopeTable({ scopes }: { scopes: NonNullable<Period['eg_by_scope']> }) {
  return html`<table aria-label="EG per scope" data-testid="eg-by-scope">
    <thead><tr><th scope="col">Scope</th><th scope="col">EG (MWh)</th><th scope="col">TEG (MWh)</th></tr></thead>
    <tbody>${scopes.map((s) => html`<tr><th scope="row">${s.scope}</th><td>${num(s.eg_mwh)}</td><td>${num(s.teg_mwh)}</td></tr>`)}</tbody>
  </table>`;
}

/** One period's report: the figures, readings by verdict, the anchors on the mirror node, the decision. */
export function ReportPage({
  session,
  projectId,
  period,
}: {
  session: Session;
  projectId: string;
  period: string;
}) {
  const p = useApi<Period>(`/v1/projects/${projectId}/periods/${period}`);
  const i = useApi<Issuance>(`/v1/issuances/${encodeURIComponent(`${projectId}/${period}`)}`);
  const [done, setDone] = useState('');
  if (p.loading && !p.data) return html`<${Loading} what="the period" />`;
  if (!p.data) return html`<${ErrorBox} error=${p.error} />`;
  const d = p.data;
  const f = (d.details ?? {}) as Details;
  const mirror = session.mirror_url?.replace(/\/$/, '');
  const anchor = i.data?.anchor;
  const tokens =
    f.amount !== undefined && f.decimals !== undefined ? Number(f.amount) / 10 ** f.decimals : undefined;
  const topicLink = (topic: string, seq: number | undefined) =>
    mirror
      ? html` — <a href=${`${mirror}/api/v1/topics/${topic}/messages/${seq ?? ''}`} rel="noreferrer">on the mirror node</a>`
      : '';
  return html`
    <p><a href="#/reports">← All reports</a></p>
    <h1>Monitoring report ${period}</h1>
    <p>Status <strong class=${`status ${d.status}`} data-testid="period-status">${d.status}</strong></p>
    <section aria-labelledby="fig-h" class="card">
      <h2 id="fig-h">Figures</h2>
      ${
        f.egMwh === undefined
          ? html`<p class="muted">The methodology has not computed this period yet.</p>`
          : html`<dl class="facts big">
              <dt>EG (MWh)</dt><dd data-testid="eg">${num(f.egMwh)}</dd>
              <dt>Gross generation TEG (MWh)</dt><dd>${num(f.tegMwh)}</dd>
              <dt>Grid emission factor (tCO2/MWh)</dt><dd>${num(f.efGridTco2PerMwh)}</dd>
              <dt>BE (tCO2e)</dt><dd>${num(f.beTco2e)}</dd>
              <dt>PE (tCO2e)</dt><dd>${num(f.peTco2e)}</dd>
              <dt>LE (tCO2e)</dt><dd>${num(f.leTco2e)}</dd>
              <dt>ER (tCO2e)</dt><dd data-testid="er">${num(f.erTco2e)}</dd>
              <dt>Eligible</dt><dd>${f.eligible === undefined ? '—' : f.eligible ? 'yes' : 'no'}</dd>
              <dt>Token amount</dt><dd data-testid="token-amount">${tokens === undefined ? '—' : `${tokens} (${f.amount} base units)`}${i.data?.tokenId ? `, minted as ${i.data.tokenId}` : ', not minted yet'}</dd>
            </dl>`
      }
      ${
        d.eg_by_scope
          ? html`<${ScopeTable} scopes=${d.eg_by_scope} />`
          : f.egMwh !== undefined
            ? html`<p class="muted">EG per scope was not recorded for this period (computed before the split was kept).</p>`
            : null
      }
    </section>
    <section aria-labelledby="verdicts-h" class="card">
      <h2 id="verdicts-h">Readings by verdict</h2>
      ${(f.readings ?? d.readings) ? html`<${Facts} value=${(f.readings ?? d.readings) as Record<string, number>} />` : html`<p class="muted">Not counted yet.</p>`}
    </section>
    <section aria-labelledby="anchors-h" class="card">
      <h2 id="anchors-h">Anchors</h2>
      <ul>
        ${(f.batches ?? []).map((b) => html`<li>Reading batch ${b.batchId.split('/').slice(-3).join('/')}: topic ${b.topicId}, message ${b.sequenceNumber}${topicLink(b.topicId, b.sequenceNumber)}</li>`)}
        ${anchor?.topicId ? html`<li>Issuance: topic ${anchor.topicId}, message ${anchor.sequenceNumber ?? '?'}${topicLink(anchor.topicId, anchor.sequenceNumber)}</li>` : null}
      </ul>
      ${(f.batches ?? []).length === 0 && !anchor?.topicId ? html`<p class="muted">Nothing anchored yet.</p>` : null}
      ${i.data?.tokenId && mirror ? html`<p><a href=${`${mirror}/api/v1/tokens/${i.data.tokenId}`} rel="noreferrer">The token on the mirror node</a></p>` : null}
    </section>
    ${done ? html`<p class="state ok" role="status">${done}</p>` : null}
    ${
      allows(session, 'review:write') && d.status === 'awaiting_approval'
        ? html`<${DecisionForm} label="Decide this monitoring report" path=${`/v1/projects/${projectId}/periods/${period}/decision`}
            onDone=${(r: { decision: string; workflow_status?: string }) => {
              setDone(`Recorded: ${r.decision} (${r.workflow_status ?? 'pending'})`);
              p.reload();
              i.reload();
            }} />`
        : null
    }
  `;
}
