import { useState } from 'preact/hooks';
import { query } from '../api.ts';
import { html } from '../html.ts';
import { Empty, ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';

interface Record_ {
  seq: number;
  at: string;
  actor: string;
  action: string;
  resource: string;
  status: number;
  requestId?: string;
}

/** The organization's hash-chained audit log, filtered by action, actor and outcome. */
export function AuditPage() {
  const [filters, setFilters] = useState({ action: '', actor: '', failed: '' });
  const [after, setAfter] = useState<number[]>([0]);
  const { data, error, loading } = useApi<{ data: Record_[]; next_after_seq: number | null }>(
    `/v1/audit${query({ ...filters, after_seq: after.at(-1), limit: 100 })}`,
  );
  return html`<h1>Audit log</h1>
    <form class="filters" aria-label="Filter the audit log" onSubmit=${(e: Event) => {
      e.preventDefault();
      const form = new FormData(e.target as HTMLFormElement);
      setFilters({
        action: String(form.get('action') ?? '').trim(),
        actor: String(form.get('actor') ?? '').trim(),
        failed: form.get('failed') ? 'true' : '',
      });
      setAfter([0]);
    }}>
      <label>Action <input name="action" placeholder="e.g. createApiKey" /></label>
      <label>Actor <input name="actor" placeholder="key:key_…" /></label>
      <label><input type="checkbox" name="failed" /> refused or failed only</label>
      <button type="submit">Filter</button>
    </form>
    <${ErrorBox} error=${error} />
    ${loading && !data ? html`<${Loading} what="the audit log" />` : null}
    ${data && data.data.length === 0 ? html`<${Empty}><p>No record matches. Every state change through the API is recorded here.</p></${Empty}>` : null}
    ${
      data && data.data.length > 0
        ? html`<table data-testid="audit-table"><thead><tr><th scope="col">#</th><th scope="col">At</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Resource</th><th scope="col">Status</th></tr></thead>
          <tbody>${data.data.map((r) => html`<tr class=${r.status >= 400 ? 'fail' : ''}><td>${r.seq}</td><td><time datetime=${r.at}>${new Date(r.at).toLocaleString()}</time></td><td class="mono">${r.actor}</td><td>${r.action}</td><td class="mono">${r.resource}</td><td>${r.status}</td></tr>`)}</tbody></table>
          <div class="pager">
            <button type="button" disabled=${after.length < 2} onClick=${() => setAfter((a) => a.slice(0, -1))}>Previous</button>
            <button type="button" disabled=${data.next_after_seq === null} onClick=${() => setAfter((a) => [...a, data.next_after_seq ?? 0])}>Next</button>
          </div>`
        : null
    }`;
}
