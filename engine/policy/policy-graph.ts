import { type CheckedPolicy, transitionsOf, type WorkflowName } from './policy-document.ts';

function label(text: string): string {
  // Mermaid transition labels end at a newline and treat ':' specially; keep them on one safe line.
  return text
    .replace(/[\n\r]+/g, ' ')
    .replace(/:/g, '#58;')
    .replace(/"/g, "'")
    .slice(0, 120);
}

/**
 * A workflow as a Mermaid state diagram: transitions labelled with their event (or `after P7D`) and
 * guard, final states linked to [*].
 *
 * @example
 * mermaidOf(policy, 'reading_review') // 'stateDiagram-v2\n  [*] --> verifying\n  …'
 */
export function mermaidOf(policy: CheckedPolicy, workflow: WorkflowName): string {
  const wf = policy.document.workflows[workflow];
  const lines = ['stateDiagram-v2', `  [*] --> ${wf.initial}`];
  for (const [name, state] of Object.entries(wf.states)) {
    const edges: [string, ReturnType<typeof transitionsOf>][] = [
      ...Object.entries(state.on ?? {}).map(
        ([e, d]) => [e, transitionsOf(d)] as [string, ReturnType<typeof transitionsOf>],
      ),
      ...Object.entries(state.after ?? {}).map(
        ([t, d]) => [`after ${t}`, transitionsOf(d)] as [string, ReturnType<typeof transitionsOf>],
      ),
    ];
    for (const [trigger, transitions] of edges) {
      for (const t of transitions) {
        const guard = t.guard ? ` [${t.guard}]` : '';
        lines.push(`  ${name} --> ${t.target ?? name} : ${label(trigger + guard)}`);
      }
    }
    if (state.final) lines.push(`  ${name} --> [*]`);
  }
  return `${lines.join('\n')}\n`;
}
