import { useState } from 'preact/hooks';
import { html } from '../html.ts';

export interface Anchor {
  topicId: string;
  sequenceNumber: number;
  consensusTimestamp: string;
}
export interface BundleDocument {
  document: { device_id?: string; seq?: number; timestamp?: string; signature?: unknown } & Record<
    string,
    unknown
  >;
  anchor: number;
  proof: { leafIndex?: number; treeSize?: number } & Record<string, unknown>;
  status?: string;
}
export interface Bundle {
  anchors: Anchor[];
  documents: BundleDocument[];
}

const PAGE = 25;
const shortDid = (did = '') => (did.length > 40 ? `${did.slice(0, 20)}…${did.slice(-8)}` : did);

/**
 * Every anchored document of the bundle (the readings the issuance rests on), by device, a page at a
 * time: the auditor can open any of them, not only those a check failed on.
 */
export function ChainDocuments(props: {
  bundle: Bundle;
  device: string;
  onDevice: (did: string) => void;
  onShow: (index: number) => void;
}) {
  const [page, setPage] = useState(0);
  // Readings only: the policy publication (and any other anchored document) has no device and is
  // opened from its link in the chain tree.
  const readings = props.bundle.documents
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => typeof d.document.device_id === 'string');
  const devices = [...new Set(readings.map(({ d }) => d.document.device_id!))].sort();
  const rows = readings.filter(({ d }) => !props.device || d.document.device_id === props.device);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  return html`<section aria-labelledby="docs-h" class="card">
    <h2 id="docs-h">Readings in the bundle</h2>
    <label>Device
      <select value=${props.device} onChange=${(e: Event) => {
        props.onDevice((e.target as HTMLSelectElement).value);
        setPage(0);
      }}>
        <option value="">all devices (${readings.length} readings)</option>
        ${devices.map((d) => html`<option value=${d}>${shortDid(d)}</option>`)}
      </select>
    </label>
    <table data-testid="chain-documents">
      <thead><tr><th scope="col">#</th><th scope="col">Device</th><th scope="col">Seq</th><th scope="col">Measured at</th><th scope="col">Issuer's verdict</th><th scope="col">Anchor</th><th scope="col"><span class="visually-hidden">Open</span></th></tr></thead>
      <tbody>${rows.slice(current * PAGE, (current + 1) * PAGE).map(({ d, index }) => {
        const anchor = props.bundle.anchors[d.anchor];
        return html`<tr>
          <td>${index}</td><td class="mono">${shortDid(d.document.device_id)}</td><td>${d.document.seq}</td>
          <td>${d.document.timestamp}</td><td>${d.status ?? 'APPROVED'}</td>
          <td class="mono">${anchor ? `${anchor.topicId}#${anchor.sequenceNumber}` : '—'}</td>
          <td><button type="button" class="small" onClick=${() => props.onShow(index)}>Show reading & signature</button></td>
        </tr>`;
      })}</tbody>
    </table>
    <div class="pager">
      <button type="button" disabled=${current === 0} onClick=${() => setPage(current - 1)}>Previous page</button>
      <span>page ${current + 1} of ${pages}</span>
      <button type="button" disabled=${current >= pages - 1} onClick=${() => setPage(current + 1)}>Next page</button>
    </div>
  </section>`;
}

/** One document with its device signature, its anchor on the mirror node and its inclusion proof. */
export function ChainDocument(props: { bundle: Bundle; index: number; mirrorUrl: string }) {
  const item = props.bundle.documents[props.index];
  if (!item) return null;
  const anchor = props.bundle.anchors[item.anchor];
  const { signature, ...reading } = item.document;
  const mirror = anchor
    ? `${props.mirrorUrl}/api/v1/topics/${anchor.topicId}/messages/${anchor.sequenceNumber}`
    : null;
  const where = anchor
    ? html` (HCS message ${anchor.topicId}#${anchor.sequenceNumber}, consensus ${anchor.consensusTimestamp}, <a href=${mirror} rel="noreferrer">on the mirror node</a>)`
    : null;
  if (typeof item.document.device_id !== 'string') {
    // Not a reading (e.g. the policy publication): anchored, but signed by no device.
    const kind = typeof item.document.type === 'string' ? item.document.type : 'document';
    return html`<section aria-labelledby="doc-h" class="card" data-testid="chain-document">
      <h2 id="doc-h">${kind} (document ${props.index} of the bundle)</h2>
      <p>The verifier checked its inclusion in the anchored Merkle root${where}; leaf ${item.proof.leafIndex ?? '?'} of ${item.proof.treeSize ?? '?'}.</p>
      <pre class="mono" tabindex="0" aria-label="The anchored document">${JSON.stringify(item.document, null, 2)}</pre>
    </section>`;
  }
  return html`<section aria-labelledby="doc-h" class="card" data-testid="chain-document">
    <h2 id="doc-h">Reading ${item.document.seq} of ${shortDid(item.document.device_id)}</h2>
    <p>Document ${props.index} of the bundle. The verifier checked the device's signature with the key of its DID, and the reading's inclusion in the anchored Merkle root${where}; leaf ${item.proof.leafIndex ?? '?'} of ${item.proof.treeSize ?? '?'}.</p>
    <h3>Device signature</h3>
    <pre class="mono" tabindex="0" aria-label="The device signature">${JSON.stringify({ signature }, null, 2)}</pre>
    <h3>Reading</h3>
    <pre class="mono" tabindex="0" aria-label="The signed reading">${JSON.stringify(reading, null, 2)}</pre>
  </section>`;
}
