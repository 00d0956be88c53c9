import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { html } from '../html.ts';
import { ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';

interface Key {
  id: string;
  name: string;
  scopes: string[];
  roles: string[];
  prefix: string;
  created_at: string;
  revoked_at?: string;
}
const allScopes = ['readings:read', 'review:write', 'policy:write', 'telemetry:write', 'token:mint', 'admin'];

function Secret({ secret, onClose }: { secret: { name: string; key: string }; onClose: () => void }) {
  return html`<div class="secret" role="alert">
    <p><strong>The secret of “${secret.name}”, shown once:</strong> copy it now; it is not stored anywhere readable.</p>
    <code data-testid="new-secret" class="mono">${secret.key}</code>
    <button type="button" onClick=${onClose}>I have stored it</button>
  </div>`;
}

/** API keys: create with scopes and roles (secret shown once), rotate, revoke. */
export function ApiKeysPage() {
  const { data, error, loading, reload } = useApi<{ data: Key[] }>('/v1/api-keys');
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const create = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const roles = String(f.get('roles') ?? '')
      .split(/[\s,]+/)
      .filter(Boolean);
    setActionError(null);
    try {
      const k = await api<{ name: string; key: string }>('/v1/api-keys', {
        json: {
          name: String(f.get('name')).trim(),
          scopes: f.getAll('scopes').map(String),
          ...(roles.length ? { roles } : {}),
        },
      });
      setSecret({ name: k.name, key: k.key });
      form.reset();
      reload();
    } catch (err) {
      setActionError(err);
    }
  };
  const act = async (k: Key, what: 'rotate' | 'revoke') => {
    if (
      !confirm(
        what === 'revoke'
          ? `Revoke “${k.name}”? Clients using it stop working at once.`
          : `Rotate “${k.name}”? A new secret replaces it.`,
      )
    )
      return;
    setActionError(null);
    try {
      const r = await api<{ name?: string; key?: string }>(`/v1/api-keys/${k.id}/${what}`, {
        method: 'POST',
      });
      if (r?.key) setSecret({ name: r.name ?? k.name, key: r.key });
      reload();
    } catch (err) {
      setActionError(err);
    }
  };
  return html`<h1>API keys</h1>
    ${secret ? html`<${Secret} secret=${secret} onClose=${() => setSecret(null)} />` : null}
    <${ErrorBox} error=${error ?? actionError} />
    <form class="card create-key" onSubmit=${create} aria-labelledby="new-key-h">
      <h2 id="new-key-h">New key</h2>
      <label for="key-name">Name</label><input id="key-name" name="name" required maxlength="200" />
      <fieldset><legend>Scopes</legend>
        ${allScopes.map((s) => html`<label><input type="checkbox" name="scopes" value=${s} /> ${s}</label>`)}
      </fieldset>
      <label for="key-roles">Policy roles (optional, comma-separated)</label><input id="key-roles" name="roles" placeholder="verifier" />
      <button type="submit" class="primary">Create key</button>
    </form>
    ${loading && !data ? html`<${Loading} what="keys" />` : null}
    ${
      data
        ? html`<table><thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">Roles</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
          <tbody>${data.data.map(
            (
              k,
            ) => html`<tr><td>${k.name}</td><td class="mono">${k.prefix.slice(0, 24)}…</td><td>${k.scopes.join(', ')}</td><td>${k.roles.join(', ') || '—'}</td>
              <td>${k.revoked_at ? `revoked ${new Date(k.revoked_at).toLocaleDateString()}` : 'active'}</td>
              <td>${k.revoked_at ? null : html`<button type="button" class="small" onClick=${() => act(k, 'rotate')}>Rotate</button> <button type="button" class="small danger" onClick=${() => act(k, 'revoke')}>Revoke</button>`}</td></tr>`,
          )}</tbody></table>`
        : null
    }`;
}
