import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { html } from '../html.ts';
import { ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';

interface ConsoleSessionRecord {
  id: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
  current: boolean;
}

/**
 * The signed-in key's console sessions: revoke a lost tablet's one by one, or sign out everywhere.
 * Revoking is server-side, so a copied cookie dies too.
 */
export function SessionsPage({ onSignedOut }: { onSignedOut: () => void }) {
  const { data, error, loading, reload } = useApi<{ data: ConsoleSessionRecord[] }>('/v1/console/sessions');
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const act = async (path: string, current: boolean) => {
    setActionError(null);
    try {
      const res = await api<{ revoked?: number } | undefined>(path, { method: 'DELETE' });
      if (current) return onSignedOut();
      setNotice(res?.revoked !== undefined ? `${res.revoked} sessions revoked` : 'Session revoked');
      reload();
    } catch (err) {
      setActionError(err);
    }
  };
  const rows = data?.data ?? [];
  return html`<h1>Sessions</h1>
    <p class="hint">Where this key is signed in to the console. Revoke a session you do not recognise; its cookie stops working at once.</p>
    <${ErrorBox} error=${error ?? actionError} />
    ${notice ? html`<p class="state ok" role="status">${notice}</p>` : null}
    ${loading && !data ? html`<${Loading} what="your sessions" />` : null}
    ${data && rows.length === 0 ? html`<p class="muted">No console session is live for this key.</p>` : null}
    ${
      rows.length > 0
        ? html`<table aria-label="Console sessions">
            <thead><tr><th scope="col">Signed in</th><th scope="col">Browser</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>${rows.map(
              (s) => html`<tr>
                <td><time datetime=${s.created_at}>${new Date(s.created_at).toLocaleString()}</time>${s.current ? html` <strong>(this one)</strong>` : null}</td>
                <td>${s.user_agent ?? '—'}</td>
                <td><time datetime=${s.expires_at}>${new Date(s.expires_at).toLocaleString()}</time></td>
                <td><button type="button" class="danger small" aria-label=${`Revoke the session signed in ${new Date(s.created_at).toLocaleString()}${s.current ? ' (this one)' : ''}`}
                  onClick=${() => act(`/v1/console/sessions/${s.id}`, s.current)}>Revoke</button></td>
              </tr>`,
            )}</tbody>
          </table>
          <button type="button" class="danger" onClick=${() => act('/v1/console/sessions', true)}>Sign out everywhere</button>`
        : null
    }`;
}
