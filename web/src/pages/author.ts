import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { html } from '../html.ts';
import { Empty, ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';
import type { Problem } from '../parts/yaml-editor.ts';
import { PolicyResults } from './author-results.ts';

interface Version {
  id: string;
  policy_id: string;
  version: string;
  title: string;
}
interface Check {
  valid: boolean;
  problems: Problem[];
  policy_id: string | null;
  version: string | null;
  workflows: Record<string, string>;
}
type Editor = Awaited<ReturnType<typeof loadEditor>>;

const loadEditor = async (parent: HTMLElement, doc: string, onChange: (t: string) => void) =>
  (await import('../parts/yaml-editor.ts')).createYamlEditor(parent, doc, onChange);

const DEBOUNCE_MS = 400;

/** The methodology author's workspace: edit, see the checker inline, diagrams, fixtures, diff, publish. */
export function AuthorPage() {
  const versions = useApi<{ data: Version[] }>('/v1/policies');
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [check, setCheck] = useState<Check | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [source, setSource] = useState<string | null>(null);
  const [text, setText] = useState('');

  const runCheck = async (value: string) => {
    setChecking(true);
    try {
      const result = await api<Check>('/v1/policy-checks', { yaml: value });
      setCheck(result);
      editor.current?.showProblems(result.problems);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setChecking(false);
    }
  };

  const start = async (versionId: string) => {
    setError(null);
    try {
      const v = await api<{ source: string }>(`/v1/policies/${versionId}`);
      setSource(v.source);
    } catch (err) {
      setError(err);
    }
  };

  useEffect(() => {
    if (source === null || !host.current) return;
    let cancelled = false;
    editor.current?.destroy();
    loadEditor(host.current, source, (t) => {
      setText(t);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => runCheck(t), DEBOUNCE_MS);
    }).then((e) => {
      if (cancelled) return e.destroy();
      editor.current = e;
      setText(source);
      runCheck(source);
    });
    return () => {
      cancelled = true;
      clearTimeout(timer.current);
    };
  }, [source]);

  const list = versions.data?.data ?? [];
  return html`
    <h1>Policy workspace</h1>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>Start from a published policy
        <select name="base" onChange=${(e: Event) => start((e.target as HTMLSelectElement).value)}>
          <option value="">choose…</option>
          ${list.map((v) => html`<option value=${v.id}>${v.policy_id}@${v.version} — ${v.title}</option>`)}
        </select>
      </label>
      <button type="button" onClick=${() => setSource('id: my-policy\nversion: 0.1.0\n')}>Start empty</button>
    </form>
    ${versions.loading && !versions.data ? html`<${Loading} what="published policies" />` : null}
    ${versions.data && list.length === 0 && source === null ? html`<${Empty}><p>No policy is published yet: start empty, or publish one with <code>mrv policy</code>.</p></${Empty}>` : null}
    <${ErrorBox} error=${error} />
    <div class="workspace" hidden=${source === null}>
      <div class="editor" ref=${host}></div>
      <aside class="problems" aria-live="polite">
        <h2>Checker ${checking ? html`<span class="muted">(checking…)</span>` : ''}</h2>
        ${
          check
            ? check.valid
              ? html`<p class="state ok" data-testid="check-ok">Valid: ${check.policy_id}@${check.version}</p>`
              : html`<ul data-testid="problems">${check.problems.map(
                  (p) =>
                    html`<li><button type="button" class="link mono" onClick=${() => editor.current?.reveal(p)}>${p.line}:${p.col}</button> <strong>${p.code}</strong> ${p.message}</li>`,
                )}</ul>`
            : html`<p class="muted">Type to check.</p>`
        }
      </aside>
    </div>
    ${source !== null ? html`<${PolicyResults} text=${text} check=${check} versions=${list} />` : null}
  `;
}
