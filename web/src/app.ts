import { useEffect, useState } from 'preact/hooks';
import { html } from './html.ts';
import { ApiKeysPage } from './pages/api-keys.ts';
import { AuditPage } from './pages/audit.ts';
import { AuditorPage } from './pages/auditor.ts';
import { AuthorPage } from './pages/author.ts';
import { EvidencePage } from './pages/evidence.ts';
import { OperatorPage } from './pages/operator.ts';
import { ReportPage, ReportsPage } from './pages/reports.ts';
import { ReviewQueuePage } from './pages/review-queue.ts';
import { SessionsPage } from './pages/sessions.ts';
import { SignInPage } from './pages/sign-in.ts';
import { pages } from './pages.ts';
import { Loading } from './parts/states.ts';
import { go, useRoute } from './router.ts';
import { allows, currentSession, type Session, signOut } from './session.ts';

function Page({
  session,
  route,
  onSignedOut,
}: {
  session: Session;
  route: string[];
  onSignedOut: () => void;
}) {
  const [id = '', ...rest] = route;
  const page = pages.find((p) => p.id === id);
  if (!page) {
    const first = pages.find((p) => allows(session, p.scope));
    if (first) go(first.id);
    return html`<p class="state empty">This credential opens no page of the console. Ask an admin for a key with scopes.</p>`;
  }
  if (!allows(session, page.scope)) {
    return html`<p class="state error" role="alert">
      Your credential may not open ${page.label}: it needs the '${page.scope}' scope.
    </p>`;
  }
  switch (page.id) {
    case 'reviews':
      return rest[0]
        ? html`<${EvidencePage} session=${session} readingId=${rest[0]} />`
        : html`<${ReviewQueuePage} session=${session} />`;
    case 'reports':
      return rest[1]
        ? html`<${ReportPage} session=${session} projectId=${rest[0]} period=${rest[1]} />`
        : html`<${ReportsPage} />`;
    case 'author':
      return html`<${AuthorPage} />`;
    case 'operator':
      return html`<${OperatorPage} session=${session} />`;
    case 'keys':
      return html`<${ApiKeysPage} />`;
    case 'audit':
      return html`<${AuditPage} />`;
    case 'auditor':
      return html`<${AuditorPage} session=${session} />`;
    case 'sessions':
      return html`<${SessionsPage} onSignedOut=${onSignedOut} />`;
  }
}

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    currentSession().then(setSession);
  }, []);
  if (session === undefined) return html`<${Loading} what="your session" />`;
  if (session === null) return html`<${SignInPage} onSignedIn=${setSession} />`;
  const current = route[0] ?? '';
  return html`
    <a class="skip" href="#main">Skip to content</a>
    <header class="top">
      <span class="brand">Hydro MRV</span>
      <span class="who" aria-label="Signed in as">
        <strong data-testid="org-name">${session.organization.name}</strong>
        <span class="roles" data-testid="roles">roles: ${session.roles.join(', ') || 'none'}</span>
        <span class="scopes">scopes: ${session.scopes.join(', ')}</span>
      </span>
      <button type="button" class="quiet" onClick=${async () => {
        await signOut().catch(() => undefined);
        setSession(null);
      }}>Sign out</button>
    </header>
    <nav class="side" aria-label="Console sections">
      <ul>
        ${pages
          .filter((p) => allows(session, p.scope))
          .map(
            (p) =>
              html`<li><a href=${`#/${p.id}`} aria-current=${current === p.id ? 'page' : undefined}>${p.label}</a></li>`,
          )}
      </ul>
    </nav>
    <main id="main" tabindex="-1"><${Page} session=${session} route=${route} onSignedOut=${() => setSession(null)} /></main>
  `;
}
