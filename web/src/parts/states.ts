import { html } from '../html.ts';

export const Loading = ({ what }: { what: string }) =>
  html`<p class="state loading" role="status" aria-live="polite">Loading ${what}…</p>`;

export const ErrorBox = ({ error }: { error: unknown }) =>
  error
    ? html`<p class="state error" role="alert">${error instanceof Error ? error.message : String(error)}</p>`
    : null;

export const Empty = ({ children }: { children: unknown }) =>
  html`<div class="state empty">${children}</div>`;
