import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';

export interface Problem {
  line: number;
  col: number;
  code: string;
  message: string;
}

/**
 * CodeMirror 6 with YAML, loaded only on the policy workspace (its own chunk). It lives in a shadow
 * root: there CodeMirror styles itself with constructed stylesheets, which the page's strict CSP
 * (`style-src 'self'`, no inline <style>) allows, instead of injecting <style> elements it would block.
 */
export function createYamlEditor(host: HTMLElement, doc: string, onChange: (text: string) => void) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        // As tall as the policy: the page scrolls, so no scroll region without keyboard access (axe).
        EditorView.theme({ '&': { minHeight: '24rem' } }),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Policy YAML' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    /** The checker's problems as inline diagnostics at their line:col. */
    showProblems(problems: Problem[]) {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
        const from = Math.min(line.from + Math.max(0, p.col - 1), line.to);
        return { from, to: Math.max(from, line.to), severity: 'error', message: `${p.code}: ${p.message}` };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    /** Puts the cursor at a problem's line:col and scrolls it into view. */
    reveal(p: Problem) {
      const doc = view.state.doc;
      const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
      const pos = Math.min(line.from + Math.max(0, p.col - 1), line.to);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      view.focus();
    },
    text: () => view.state.doc.toString(),
    destroy: () => view.destroy(),
  };
}
