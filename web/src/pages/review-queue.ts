import { useEffect, useMemo, useState } from 'preact/hooks';
import { query } from '../api.ts';
import { html } from '../html.ts';
import { Countdown } from '../parts/countdown.ts';
import { DecisionForm } from '../parts/decision-form.ts';
import { Empty, ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';
import { go } from '../router.ts';
import { allows, type Session } from '../session.ts';

/** A finding behind a verdict, as the API answers it (rule, value, limit, unit, message). */
export interface Finding {
  rule: string;
  severity: string;
  message: string;
  measured?: number;
  limit?: number;
  unit?: string;
}
export interface ReviewItem {
  id: string;
  project_id: string;
  device_id: string;
  timestamp: string;
  received_at: string;
  findings: Finding[];
  escalates_at: string | null;
}
interface ReviewPage {
  data: ReviewItem[];
  total: number;
  next_cursor: string | null;
}

const PAGE = 50;
const ages = [
  ['', 'any age'],
  ['1', 'older than 1 hour'],
  ['24', 'older than 1 day'],
  ['72', 'older than 3 days'],
] as const;

/** Columns the API sorts by (`sort`), server-side so paging over thousands stays in order. */
const columns = [
  ['device_id', 'Device'],
  ['timestamp', 'Measured'],
  ['received_at', 'Received'],
  ['verified_at', 'Escalates in'],
] as const;

const isTyping = (e: KeyboardEvent) =>
  e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);

/** The verifier's queue: flagged readings with filters, paging over thousands and keyboard shortcuts. */
export function ReviewQueuePage({ session }: { session: Session }) {
  const [filters, setFilters] = useState({
    project_id: '',
    device_id: '',
    rule: '',
    older_than_hours: '',
    sort: 'received_at',
    order: 'asc',
  });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [selected, setSelected] = useState(0);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [notice, setNotice] = useState('');
  const cursor = cursors.at(-1) ?? null;
  const path = `/v1/reviews${query({ ...filters, limit: PAGE, cursor })}`;
  const { data, error, loading, reload } = useApi<ReviewPage>(path);
  const projects = useApi<{ data: { id: string; name: string }[] }>('/v1/projects');
  const devices = useApi<{ data: { id: string; name: string | null }[] }>(
    filters.project_id ? `/v1/devices${query({ project_id: filters.project_id })}` : null,
  );
  const rows = data?.data ?? [];
  const rules = useMemo(
    () => [...new Set(rows.flatMap((r) => r.findings.map((f) => f.rule)))].sort(),
    [rows],
  );
  const canDecide = allows(session, 'review:write');
  const current = rows[selected];

  const sortBy = (column: string) => {
    setFilters((f) => ({
      ...f,
      sort: column,
      order: f.sort === column && f.order === 'asc' ? 'desc' : 'asc',
    }));
    setCursors([null]);
    setSelected(0);
  };
  const header = (column: string, label: string) => {
    const on = filters.sort === column;
    const dir = filters.order === 'asc' ? 'ascending' : 'descending';
    return html`<th scope="col" aria-sort=${on ? dir : 'none'}><button type="button" class="sort"
      onClick=${() => sortBy(column)}>${label}${on ? (filters.order === 'asc' ? ' ▲' : ' ▼') : ''}</button></th>`;
  };

  const setFilter = (name: string, value: string) => {
    setFilters((f) => ({ ...f, [name]: value, ...(name === 'project_id' ? { device_id: '' } : {}) }));
    setCursors([null]);
    setSelected(0);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'j' || e.key === 'ArrowDown') setSelected((s) => Math.min(s + 1, rows.length - 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') setSelected((s) => Math.max(s - 1, 0));
      else if (e.key === 'Enter' && current) go(`reviews/${current.id}`);
      else if (e.key === 'a' && canDecide && current) setDeciding('approve');
      else if (e.key === 'r' && canDecide && current) setDeciding('reject');
      else if (e.key === 'Escape') setDeciding(null);
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [rows, current, canDecide]);

  return html`
    <h1>Review queue</h1>
    <p class="hint">Flagged readings wait for a verifier. Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous,
      <kbd>Enter</kbd> open${canDecide ? html`, <kbd>a</kbd> approve, <kbd>r</kbd> reject` : ''}.</p>
    <form class="filters" aria-label="Filter the queue" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>Project
        <select name="project_id" value=${filters.project_id} onChange=${(e: Event) => setFilter('project_id', (e.target as HTMLSelectElement).value)}>
          <option value="">all projects</option>
          ${(projects.data?.data ?? []).map((p) => html`<option value=${p.id}>${p.name}</option>`)}
        </select>
      </label>
      <label>Device
        <select name="device_id" value=${filters.device_id} disabled=${!filters.project_id} onChange=${(e: Event) => setFilter('device_id', (e.target as HTMLSelectElement).value)}>
          <option value="">all devices</option>
          ${(devices.data?.data ?? []).map((d) => html`<option value=${d.id}>${d.name ?? d.id}</option>`)}
        </select>
      </label>
      <label>Rule
        <input name="rule" list="rules" value=${filters.rule} placeholder="e.g. physics.efficiency"
          onChange=${(e: Event) => setFilter('rule', (e.target as HTMLInputElement).value.trim())} />
        <datalist id="rules">${rules.map((r) => html`<option value=${r} />`)}</datalist>
      </label>
      <label>Age
        <select name="older_than_hours" value=${filters.older_than_hours} onChange=${(e: Event) => setFilter('older_than_hours', (e.target as HTMLSelectElement).value)}>
          ${ages.map(([v, l]) => html`<option value=${v}>${l}</option>`)}
        </select>
      </label>
    </form>
    ${notice ? html`<p class="state ok" role="status">${notice}</p>` : null}
    <${ErrorBox} error=${error} />
    ${loading && !data ? html`<${Loading} what="the review queue" />` : null}
    ${
      data && rows.length === 0
        ? html`<${Empty}><p>No flagged readings match. Clear the filters, or come back when the verifier flags new readings.</p></${Empty}>`
        : null
    }
    ${
      rows.length > 0
        ? html`
      <p class="count" data-testid="queue-total">${data?.total ?? 0} flagged readings · page ${cursors.length} of ${Math.max(1, Math.ceil((data?.total ?? 0) / PAGE))}</p>
      <table class="queue" aria-label="Flagged readings">
        <thead><tr><th scope="col">Reading</th>${header(...columns[0])}<th scope="col">Rules</th>${columns.slice(1).map(([c, l]) => header(c, l))}</tr></thead>
        <tbody>
          ${rows.map(
            (
              r,
              i,
            ) => html`<tr class=${i === selected ? 'selected' : ''} aria-selected=${i === selected} onClick=${() => setSelected(i)}>
              <td><a href=${`#/reviews/${r.id}`}>${r.id}</a></td>
              <td>${r.device_id}</td>
              <td>${[...new Set(r.findings.filter((f) => f.severity !== 'info').map((f) => f.rule))].join(', ') || '—'}</td>
              <td><time datetime=${r.timestamp}>${new Date(r.timestamp).toLocaleString()}</time></td>
              <td><time datetime=${r.received_at}>${new Date(r.received_at).toLocaleString()}</time></td>
              <td><${Countdown} at=${r.escalates_at} /></td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="pager">
        <button type="button" disabled=${cursors.length < 2} onClick=${() => {
          setCursors((c) => c.slice(0, -1));
          setSelected(0);
        }}>Previous page</button>
        <button type="button" disabled=${!data?.next_cursor} onClick=${() => {
          setCursors((c) => [...c, data?.next_cursor ?? null]);
          setSelected(0);
        }}>Next page</button>
      </div>
      ${
        deciding && current
          ? html`<${DecisionForm} label=${`Decide ${current.id}`} path=${`/v1/reviews/${current.id}/decision`} initial=${deciding}
              onDone=${(res: { decision: string; workflow_status?: string }) => {
                setNotice(`${current.id}: ${res.decision} recorded (${res.workflow_status ?? 'pending'})`);
                setDeciding(null);
                reload();
              }} />`
          : null
      }`
        : null
    }
  `;
}
