import { api, setCsrfToken } from './api.ts';

export interface Session {
  organization: { id: string; name: string };
  key_id: string;
  scopes: string[];
  roles: string[];
  csrf_token: string | null;
  mirror_url: string | null;
}

/** Whether the session's scopes allow a route's scope (`admin` passes all), as the API decides it. */
export function allows(session: Session, scope: string): boolean {
  return scope === 'any' || session.scopes.includes(scope) || session.scopes.includes('admin');
}

export async function currentSession(): Promise<Session | null> {
  try {
    const s = await api<Session>('/v1/console/session');
    setCsrfToken(s.csrf_token);
    return s;
  } catch {
    setCsrfToken(null);
    return null;
  }
}

export async function signIn(body: Record<string, string>): Promise<Session> {
  const s = await api<Session>('/v1/console/session', { json: body });
  setCsrfToken(s.csrf_token);
  return s;
}

export async function signOut(): Promise<void> {
  await api('/v1/console/session', { method: 'DELETE' });
  setCsrfToken(null);
}
