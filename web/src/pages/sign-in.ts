import { useState } from 'preact/hooks';
import { html } from '../html.ts';
import { ErrorBox } from '../parts/states.ts';
import { type Session, signIn } from '../session.ts';

/** API key or OAuth client credentials; the server answers with an httpOnly session cookie. */
export function SignInPage({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [mode, setMode] = useState<'key' | 'client'>('key');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const body: Record<string, string> =
      mode === 'key'
        ? { api_key: String(form.get('api_key') ?? '').trim() }
        : {
            client_id: String(form.get('client_id') ?? '').trim(),
            client_secret: String(form.get('client_secret') ?? '').trim(),
          };
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`
    <main id="main" class="sign-in">
      <h1>Sign in to the Hydro MRV console</h1>
      <p>Your key stays on the server side: the console keeps only an httpOnly session cookie.</p>
      <fieldset class="mode">
        <legend>Credential</legend>
        <label><input type="radio" name="mode" checked=${mode === 'key'} onChange=${() => setMode('key')} /> Use an API key</label>
        <label><input type="radio" name="mode" checked=${mode === 'client'} onChange=${() => setMode('client')} /> Use OAuth client credentials</label>
      </fieldset>
      <form onSubmit=${submit}>
        ${
          mode === 'key'
            ? html`<label for="api_key">API key</label>
                <input id="api_key" name="api_key" type="password" autocomplete="off" required placeholder="mrv_live_…" />`
            : html`<label for="client_id">Client id</label>
                <input id="client_id" name="client_id" autocomplete="off" required />
                <label for="client_secret">Client secret</label>
                <input id="client_secret" name="client_secret" type="password" autocomplete="off" required />`
        }
        <button type="submit" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <${ErrorBox} error=${error} />
    </main>
  `;
}
