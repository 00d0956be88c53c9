import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { html } from '../html.ts';
import { type Bundle, ChainDocument, ChainDocuments } from '../parts/chain-documents.ts';
import { Empty, ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';
import type { Session } from '../session.ts';

interface Link {
  name: string;
  status: 'PASS' | 'FAIL';
  reason: string;
  document_index?: number;
  device_id?: string;
  children: Link[];
}
interface Verification {
  issuance_id: string;
  token_id: string | null;
  valid: boolean;
  mirror_url: string;
  links: Link[];
}
interface Actions {
  onDocument: (i: number) => void;
  onDevice: (did: string) => void;
}

// The drill-down buttons sit in the link's own row, never inside the collapsed <details> of its checks.
function LinkNode({ link, actions }: { link: Link; actions: Actions }) {
  const badge = html`<span class=${`badge ${link.status === 'PASS' ? 'pass' : 'fail'}`}>${link.status}</span>`;
  const drill =
    link.document_index !== undefined
      ? html` <button type="button" class="small" onClick=${() => actions.onDocument(link.document_index!)}>Show reading & signature</button>`
      : link.device_id
        ? html` <button type="button" class="small" onClick=${() => actions.onDevice(link.device_id!)}>Show this device's readings</button>`
        : null;
  const row = html`<div class="link-row">${badge} <strong>${link.name}</strong> — ${link.reason}${drill}</div>`;
  if (link.children.length === 0) return html`<li>${row}</li>`;
  return html`<li>${row}<details open=${link.status === 'FAIL'}><summary>${link.children.length} check${link.children.length === 1 ? '' : 's'}</summary>
    <ul>${link.children.map((c) => html`<${LinkNode} link=${c} actions=${actions} />`)}</ul></details></li>`;
}

/** What broke, first: every failing check with its reason, so nobody has to unfold the tree to learn why. */
function FailedLinks({ links }: { links: Link[] }) {
  const failed = links.flatMap((l) =>
    l.status !== 'FAIL'
      ? []
      : l.children.length === 0
        ? [{ name: l.name, reason: l.reason }]
        : l.children
            .filter((c) => c.status === 'FAIL')
            .map((c) => ({ name: `${l.name}.${c.name}`, reason: c.reason })),
  );
  if (failed.length === 0) return null;
  return html`<div class="state error" role="alert" data-testid="chain-failures"><p>${failed.length} check${failed.length === 1 ? '' : 's'} failed:</p>
    <ul>${failed.map((f) => html`<li><strong>${f.name}</strong> — ${f.reason}</li>`)}</ul></div>`;
}

/** The auditor's trust-chain explorer: verify an issuance against the mirror node, walk its links. */
export function AuditorPage(_: { session: Session }) {
  const issuances = useApi<{
    data: { id: string; tokenId?: string; period: string; trust_chain_available: boolean }[];
  }>('/v1/issuances');
  const [result, setResult] = useState<Verification | null>(null);
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [device, setDevice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [trusted, setTrusted] = useState('');
  const verify = async (which: { issuance_id: string } | { token_id: string }) => {
    const authorities = [...new Set(trusted.split(/[\s,]+/).filter(Boolean))];
    const body = authorities.length > 0 ? { ...which, authorities } : which;
    setBusy(true);
    setError(null);
    setResult(null);
    setShown(null);
    setDevice('');
    try {
      const r = await api<Verification>('/v1/trust-chain-verifications', { json: body });
      setResult(r);
      setBundle(await api<Bundle>(`/v1/issuances/${encodeURIComponent(r.issuance_id)}/trust-chain`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const list = (issuances.data?.data ?? []).filter((i) => i.trust_chain_available);
  const actions: Actions = {
    onDocument: (i) => {
      setShown(i);
      // Moves the reader to what they asked for (the document is drawn below the tree).
      requestAnimationFrame(() => document.getElementById('doc-h')?.scrollIntoView());
    },
    onDevice: (did) => {
      setDevice(did);
      requestAnimationFrame(() => document.getElementById('docs-h')?.scrollIntoView());
    },
  };
  return html`<h1>Trust chain</h1>
    <p class="hint">Runs the same verifier as <code>mrv chain verify</code>: signatures, schemas, revocation, HCS anchors and running hashes, Merkle inclusion, policy hash and the minted amount, against the mirror node. It trusts the issuer for nothing: who may act as registry or verifier comes only from the accreditation authorities you name.</p>
    <form class="filters" onSubmit=${(e: Event) => {
      e.preventDefault();
      const token = String(new FormData(e.target as HTMLFormElement).get('token_id') ?? '').trim();
      if (token) verify({ token_id: token });
    }}>
      <label class="wide">Accreditation authorities you trust (DIDs, optional)
        <input name="authorities" value=${trusted} placeholder="did:key:z6Mk… did:hedera:…" onInput=${(e: Event) => setTrusted((e.target as HTMLInputElement).value)} />
      </label>
      <label>Token id <input name="token_id" placeholder="0.0.1234" pattern="\\d+\\.\\d+\\.\\d+" /></label>
      <button type="submit" disabled=${busy}>Verify token</button>
      <label>or pick an issuance
        <select onChange=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          if (v) verify({ issuance_id: v });
        }}>
          <option value="">choose…</option>
          ${list.map((i) => html`<option value=${i.id}>${i.id}${i.tokenId ? ` (token ${i.tokenId})` : ''}</option>`)}
        </select>
      </label>
    </form>
    ${issuances.data && list.length === 0 ? html`<${Empty}><p>No issuance has a complete trust chain yet: one appears after a period is approved and minted.</p></${Empty}>` : null}
    ${busy ? html`<${Loading} what="the verification (reading the mirror node)" />` : null}
    <${ErrorBox} error=${error} />
    ${
      result
        ? html`<section aria-labelledby="verdict-h">
            <h2 id="verdict-h">Verdict: <span data-testid="chain-verdict" class=${result.valid ? 'pass' : 'fail'}>${result.valid ? 'VALID' : 'INVALID'}</span></h2>
            <p>Issuance ${result.issuance_id}${result.token_id ? `, token ${result.token_id}` : ''}.</p>
            <${FailedLinks} links=${result.links} />
            <ul class="tree" data-testid="chain-tree">${result.links.map((l) => html`<${LinkNode} link=${l} actions=${actions} />`)}</ul>
          </section>`
        : null
    }
    ${
      result && bundle && shown !== null
        ? html`<${ChainDocument} bundle=${bundle} index=${shown} mirrorUrl=${result.mirror_url} />`
        : null
    }
    ${
      result && bundle
        ? html`<${ChainDocuments} bundle=${bundle} device=${device} onDevice=${setDevice} onShow=${actions.onDocument} />`
        : null
    }`;
}
