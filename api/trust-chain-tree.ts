import type { TrustChainCheck } from '../identity/trust-chain-check.ts';

/** One link of a verified chain: generic, so any verifier's checks fit (name/status/reason/children). */
export interface ChainLink {
  name: string;
  status: 'PASS' | 'FAIL';
  reason: string;
  /** Index into the bundle's `documents` when the link is about one anchored document (a reading). */
  document_index?: number;
  children: ChainLink[];
}

/**
 * Folds a verifier's flat checks (`presentation.signature`, `document:3.inclusion`, …) into a tree by
 * the part before the first dot; a parent fails when any of its checks fails.
 */
export function chainTree(checks: readonly TrustChainCheck[]): ChainLink[] {
  const roots: ChainLink[] = [];
  const byName = new Map<string, ChainLink>();
  for (const check of checks) {
    const dot = check.link.indexOf('.');
    const status = check.ok ? 'PASS' : 'FAIL';
    if (dot < 0) {
      const node = byName.get(check.link);
      if (node) {
        node.reason = check.detail;
        if (!check.ok) node.status = 'FAIL';
      } else {
        const fresh = { name: check.link, status, reason: check.detail, children: [] } as ChainLink;
        byName.set(check.link, fresh);
        roots.push(fresh);
      }
      continue;
    }
    const parentName = check.link.slice(0, dot);
    let parent = byName.get(parentName);
    if (!parent) {
      parent = { name: parentName, status: 'PASS', reason: '', children: [] };
      const doc = /^document:(\d+)$/.exec(parentName);
      if (doc) parent.document_index = Number(doc[1]);
      byName.set(parentName, parent);
      roots.push(parent);
    }
    parent.children.push({ name: check.link.slice(dot + 1), status, reason: check.detail, children: [] });
    if (!check.ok) parent.status = 'FAIL';
  }
  for (const node of roots) {
    if (!node.reason && node.children.length > 0) {
      const failed = node.children.filter((c) => c.status === 'FAIL').length;
      node.reason = failed
        ? `${failed} of ${node.children.length} checks failed`
        : `${node.children.length} checks passed`;
    }
  }
  return roots;
}
