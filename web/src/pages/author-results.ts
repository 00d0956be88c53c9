import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { html } from '../html.ts';
import { ErrorBox } from '../parts/states.ts';

interface Expectation {
  what: string;
  expected: unknown;
  actual: unknown;
  passed: boolean;
}
interface Runs {
  passed: boolean;
  scenarios: {
    file: string;
    name: string;
    passed: boolean;
    error: string | null;
    expectations: Expectation[];
  }[];
}
interface Diff {
  differences: { path: string; kind: string; before?: unknown; after?: unknown }[];
}

function Diagrams({ workflows }: { workflows: Record<string, string> }) {
  const [images, setImages] = useState<[string, string][]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let urls: string[] = [];
    let cancelled = false;
    (async () => {
      const { mermaidToImageUrl } = await import('../parts/mermaid-diagram.ts');
      const out: [string, string][] = [];
      for (const [name, source] of Object.entries(workflows))
        out.push([name, await mermaidToImageUrl(source)]);
      urls = out.map(([, u]) => u);
      if (!cancelled) setImages(out);
    })().catch(setError);
    return () => {
      cancelled = true;
      for (const u of urls) URL.revokeObjectURL(u);
    };
  }, [JSON.stringify(workflows)]);
  return html`<section aria-labelledby="wf-h"><h2 id="wf-h">Workflows</h2>
    <${ErrorBox} error=${error} />
    <div class="diagrams">${images.map(
      ([name, url]) =>
        html`<figure><figcaption>${name}</figcaption><img src=${url} alt=${`State diagram of the ${name} workflow`} /></figure>`,
    )}</div></section>`;
}

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

/** Saving the draft, fixture runs, the semantic diff and publishing (with confirmation). */
export function PolicyResults({
  text,
  check,
  versions,
}: {
  text: string;
  check: {
    valid: boolean;
    workflows: Record<string, string>;
    policy_id: string | null;
    version: string | null;
  } | null;
  versions: { id: string; policy_id: string; version: string }[];
}) {
  const [draft, setDraft] = useState<{ id: string; text: string } | null>(null);
  const [runs, setRuns] = useState<Runs | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [against, setAgainst] = useState('');
  const [published, setPublished] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);

  const saved = async (): Promise<string> => {
    if (draft && draft.text === text) return draft.id;
    const d = await api<{ id: string }>('/v1/policy-drafts', { yaml: text });
    setDraft({ id: d.id, text });
    return d.id;
  };
  const act = (name: string, fn: () => Promise<void>) => async () => {
    setBusy(name);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy('');
    }
  };
  const valid = check?.valid === true;
  return html`
    <section class="actions" aria-label="Draft actions">
      <button type="button" disabled=${!valid || !!busy} onClick=${act('fixtures', async () => {
        const id = await saved();
        setRuns(await api<Runs>(`/v1/policy-drafts/${id}/scenario-runs`, { method: 'POST' }));
      })}>${busy === 'fixtures' ? 'Running…' : 'Run fixture scenarios'}</button>
      <label>Compare with
        <select value=${against} onChange=${(e: Event) => setAgainst((e.target as HTMLSelectElement).value)}>
          <option value="">a published version…</option>
          ${versions.map((v) => html`<option value=${v.id}>${v.policy_id}@${v.version}</option>`)}
        </select>
      </label>
      <button type="button" disabled=${!valid || !against || !!busy} onClick=${act('diff', async () => {
        const id = await saved();
        setDiff(await api<Diff>(`/v1/policy-drafts/${id}/diff?against=${encodeURIComponent(against)}`));
      })}>Show differences</button>
      <button type="button" class="primary" disabled=${!valid || !!busy} onClick=${() => dialog.current?.showModal()}>Publish…</button>
    </section>
    <${ErrorBox} error=${error} />
    ${published ? html`<p class="state ok" role="status" data-testid="published">${published}</p>` : null}
    <dialog ref=${dialog} aria-labelledby="publish-h">
      <form method="dialog" onSubmit=${(e: Event) => {
        const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.value !== 'publish') return;
        act('publish', async () => {
          const id = await saved();
          const v = await api<{ id: string; policy_id: string; version: string }>(
            `/v1/policy-drafts/${id}/publish`,
            { method: 'POST' },
          );
          setPublished(`Published ${v.policy_id}@${v.version} as ${v.id}. Published versions never change.`);
        })();
      }}>
        <h2 id="publish-h">Publish ${check?.policy_id}@${check?.version}?</h2>
        <p>A published version is immutable: projects bound to it will run it as written. To change it later, publish a new version.</p>
        <button value="cancel">Cancel</button> <button value="publish" class="primary">Publish</button>
      </form>
    </dialog>
    ${
      runs
        ? html`<section aria-labelledby="runs-h"><h2 id="runs-h">Fixture scenarios: <span data-testid="fixtures-verdict" class=${runs.passed ? 'pass' : 'fail'}>${runs.passed ? 'all pass' : 'some fail'}</span></h2>
          ${runs.scenarios.map(
            (
              s,
            ) => html`<details open=${!s.passed}><summary><span class=${s.passed ? 'badge pass' : 'badge fail'}>${s.passed ? 'PASS' : 'FAIL'}</span> ${s.name}</summary>
              ${s.error ? html`<p class="state error">${s.error}</p>` : null}
              <table><thead><tr><th scope="col">Expectation</th><th scope="col">Expected</th><th scope="col">Got</th><th scope="col">Result</th></tr></thead>
              <tbody>${s.expectations.map((x) => html`<tr><td>${x.what}</td><td>${show(x.expected)}</td><td>${show(x.actual)}</td><td class=${x.passed ? 'pass' : 'fail'}>${x.passed ? 'pass' : 'fail'}</td></tr>`)}</tbody></table>
            </details>`,
          )}</section>`
        : null
    }
    ${
      diff
        ? html`<section aria-labelledby="diff-h"><h2 id="diff-h">Differences (${diff.differences.length})</h2>
          ${diff.differences.length === 0 ? html`<p>No semantic difference: only layout or comments changed.</p>` : null}
          <table><thead><tr><th scope="col">Path</th><th scope="col">Change</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
          <tbody>${diff.differences.map((d) => html`<tr><td class="mono">${d.path}</td><td>${d.kind}</td><td>${show(d.before)}</td><td>${show(d.after)}</td></tr>`)}</tbody></table></section>`
        : null
    }
    ${valid && check ? html`<${Diagrams} workflows=${check.workflows} />` : null}
  `;
}
