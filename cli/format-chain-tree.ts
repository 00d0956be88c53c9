import type { TrustChainCheck } from '../identity/trust-chain-check.ts';
import type { TrustChainVerdict } from '../identity/verify-trust-chain.ts';

const GROUPS: Array<[string, (link: string) => boolean]> = [
  [
    'bundle and presentation',
    (l) => l === 'bundle' || l.startsWith('presentation') || l === 'issuance.anchors',
  ],
  [
    'ledger: mint, token and anchors',
    (l) =>
      l.startsWith('mint:') ||
      l.startsWith('anchor:') ||
      l.startsWith('ledger:') ||
      l.startsWith('issuances.'),
  ],
  [
    'policy, roles and plant',
    (l) => l.startsWith('policy') || l.startsWith('roles') || l.startsWith('plant'),
  ],
  ['credentials', (l) => l.startsWith('credential:') || l.startsWith('registration:')],
  ['monitoring report and recomputed figures', (l) => l.startsWith('report.') || l.startsWith('figure:')],
  ['readings', (l) => l.startsWith('device:') || l.startsWith('reading:') || l.startsWith('document:')],
];

const line = (c: TrustChainCheck) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.link}  ${c.detail}`;

/**
 * The human form of a verdict: a tree from the token down to the readings, each link PASS/FAIL
 * with its reason (passing credential links are counted, not listed), and a one-line summary.
 */
export function formatChainTree(
  verdict: TrustChainVerdict,
  mint?: { tokenId: string; transactionId: string },
): string {
  const out: string[] = [mint ? `token ${mint.tokenId} (mint ${mint.transactionId})` : 'trust chain'];
  const placed = new Set<TrustChainCheck>();
  const groups = GROUPS.map(([title, test]) => {
    const checks = verdict.checks.filter((c) => !placed.has(c) && test(c.link));
    for (const c of checks) placed.add(c);
    return [title, checks] as const;
  });
  const rest = verdict.checks.filter((c) => !placed.has(c));
  if (rest.length > 0) groups.push(['other', rest]);
  groups.forEach(([title, checks], gi) => {
    if (checks.length === 0) return;
    const last = gi === groups.length - 1;
    const failed = checks.filter((c) => !c.ok).length;
    out.push(
      `${last ? '└──' : '├──'} ${failed === 0 ? 'PASS' : 'FAIL'}  ${title} (${checks.length - failed}/${checks.length})`,
    );
    const pad = last ? '    ' : '│   ';
    const shown = title === 'credentials' ? checks.filter((c) => !c.ok) : checks;
    shown.forEach((c, i) => {
      out.push(`${pad}${i === shown.length - 1 ? '└──' : '├──'} ${line(c)}`);
    });
  });
  out.push(summaryLine(verdict));
  return `${out.join('\n')}\n`;
}

export function summaryLine(verdict: TrustChainVerdict): string {
  const r = verdict.readings;
  const f = verdict.figures;
  const figures =
    r && f
      ? `${r.checked} readings checked, ${r.counted} counted, ${f.egMwh} MWh recomputed, ${f.result.er_tco2e} tCO2e, amount ${f.result.token.amount}`
      : 'figures not recomputed';
  if (verdict.valid) return `verdict: VALID — ${figures}`;
  const broken = verdict.checks.filter((c) => !c.ok).map((c) => c.link);
  const shown = broken.slice(0, 8).join(', ') + (broken.length > 8 ? `, … (${broken.length} in all)` : '');
  return `verdict: INVALID (broken: ${shown}) — ${figures}`;
}
