import { shortDid } from '../identity/check-readings.ts';
import type { AnchoredDocument } from '../identity/trust-chain-bundle.ts';
import type { TrustChainCheck } from '../identity/trust-chain-check.ts';

/** One link of a verified chain: generic, so any verifier's checks fit (name/status/reason/children). */
export interface ChainLink {
  name: string;
  status: 'PASS' | 'FAIL';
  reason: string;
  /** Index into the bundle's `documents` when the link is about one anchored document (a reading). */
  document_index?: number;
  /** The device (DID) when the link is about one device's readings. */
  device_id?: string;
  children: ChainLink[];
}

/**
 * Where a link points in the bundle. The verifier names readings `document:<index>` (inclusion) or
 * `reading:<short DID>#<seq>` and devices `device:<short DID>`; the console drills down from these.
 */
function locator(documents: readonly AnchoredDocument[]) {
  const readings = new Map<string, number>();
  const devices = new Map<string, string>();
  documents.forEach((d, i) => {
    const doc = d.document as { device_id?: unknown; seq?: unknown } | null;
    if (typeof doc?.device_id !== 'string' || typeof doc.seq !== 'number') return;
    const short = shortDid(doc.device_id);
    if (!readings.has(`${short}#${doc.seq}`)) readings.set(`${short}#${doc.seq}`, i);
    devices.set(short, doc.device_id);
  });
  return (name: string): Pick<ChainLink, 'document_index' | 'device_id'> => {
    const byIndex = /^document:(\d+)$/.exec(name);
    if (byIndex && Number(byIndex[1]) < documents.length) return { document_index: Number(byIndex[1]) };
    const reading = name.startsWith('reading:') ? readings.get(name.slice(8)) : undefined;
    if (reading !== undefined) return { document_index: reading };
    const device = name.startsWith('device:') ? devices.get(name.slice(7)) : undefined;
    return device ? { device_id: device } : {};
  };
}

/**
 * Folds a verifier's flat checks (`presentation.signature`, `anchor:0.0.1001#3.mirror`, …) into a tree
 * by the part before the last dotted word; a parent fails when any of its checks fails.
 */
export function chainTree(
  checks: readonly TrustChainCheck[],
  documents: readonly AnchoredDocument[] = [],
): ChainLink[] {
  const locate = locator(documents);
  const roots: ChainLink[] = [];
  const byName = new Map<string, ChainLink>();
  const node = (name: string): ChainLink => {
    let found = byName.get(name);
    if (!found) {
      found = { name, status: 'PASS', reason: '', ...locate(name), children: [] };
      byName.set(name, found);
      roots.push(found);
    }
    return found;
  };
  for (const check of checks) {
    const status = check.ok ? 'PASS' : 'FAIL';
    // The check is the last dotted word; entity ids (0.0.1001, did:hedera:…_0.0.7) keep their dots.
    const split = /^(.+)\.([a-z][\w-]*)$/.exec(check.link);
    if (!split) {
      const own = node(check.link);
      own.reason = check.detail;
      if (!check.ok) own.status = 'FAIL';
      continue;
    }
    const parent = node(split[1]!);
    parent.children.push({ name: split[2]!, status, reason: check.detail, children: [] });
    if (!check.ok) parent.status = 'FAIL';
  }
  for (const root of roots) {
    if (!root.reason && root.children.length > 0) {
      const failed = root.children.filter((c) => c.status === 'FAIL').length;
      root.reason = failed
        ? `${failed} of ${root.children.length} checks failed`
        : `${root.children.length} checks passed`;
    }
  }
  return roots;
}
