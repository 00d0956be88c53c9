import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { html } from '../html.ts';
import { ErrorBox } from './states.ts';

export interface DecisionResult {
  decision: 'approve' | 'reject';
  workflow_status?: string;
  acted_as?: string;
  [k: string]: unknown;
}

/**
 * Approve / reject with a required reason, sent to `path` (the workflow's Update behind it records
 * it). Refusals (403 role or scope, 409 already decided) are shown as sentences.
 */
export function DecisionForm({
  path,
  initial,
  onDone,
  label,
}: {
  path: string;
  initial?: 'approve' | 'reject' | null;
  onDone: (r: DecisionResult) => void;
  label: string;
}) {
  const [decision, setDecision] = useState<'approve' | 'reject'>(initial ?? 'approve');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (initial) {
      setDecision(initial);
      box.current?.focus();
    }
  }, [initial]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(new Error('A reason is required: say why, for the audit trail.'));
      box.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api<DecisionResult>(path, { json: { decision, reason: reason.trim() } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`
    <form class="decision" onSubmit=${submit} aria-label=${label}>
      <fieldset>
        <legend>${label}</legend>
        <label><input type="radio" name="decision" value="approve" checked=${decision === 'approve'} onChange=${() => setDecision('approve')} /> Approve</label>
        <label><input type="radio" name="decision" value="reject" checked=${decision === 'reject'} onChange=${() => setDecision('reject')} /> Reject</label>
      </fieldset>
      <label for="decision-reason">Reason (required)</label>
      <textarea id="decision-reason" ref=${box} rows="2" maxlength="2000" value=${reason}
        onInput=${(e: Event) => setReason((e.target as HTMLTextAreaElement).value)}></textarea>
      <button type="submit" disabled=${busy} class=${decision}>${busy ? 'Sending…' : decision === 'approve' ? 'Approve' : 'Reject'}</button>
      <${ErrorBox} error=${error} />
    </form>
  `;
}
