/**
 * Renders the README's "Not simulated" section from the simulation table, so the list and what the
 * network refuses cannot drift apart (test/ledger/local-network/simulation-table.test.ts compares them).
 * `npx tsx ledger/local-network/render-not-simulated.ts --write` rewrites the section in README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  allQueryKinds,
  allTransactionKinds,
  NOT_SIMULATED_BEHAVIOUR,
  REFUSED_BODY_FIELDS,
  type RefusedField,
  SIMULATED_QUERIES,
  SIMULATED_TRANSACTIONS,
} from './simulation-table.ts';

export const BEGIN = '<!-- not-simulated:begin (rendered from simulation-table.ts) -->';
export const END = '<!-- not-simulated:end -->';
export const README = fileURLToPath(new URL('./README.md', import.meta.url));

const code = (s: string) => `\`${s}\``;

function byFeature(fields: { where: string; field: RefusedField }[]): string[] {
  const groups = new Map<string, string[]>();
  for (const { where, field } of fields) {
    const status = field.status === 'NOT_SUPPORTED' ? '' : ` → ${code(field.status)}`;
    const list = groups.get(field.feature) ?? [];
    list.push(`${code(`${where}.${field.path}`)}${status}`);
    groups.set(field.feature, list);
  }
  return [...groups].map(([feature, list]) => `- ${feature}: ${list.join(', ')}`);
}

export function renderNotSimulated(): string {
  const transactions = allTransactionKinds().filter((k) => !SIMULATED_TRANSACTIONS[k]);
  const queries = allQueryKinds().filter((k) => !SIMULATED_QUERIES[k]);
  const fields = [
    ...REFUSED_BODY_FIELDS.map((field) => ({ where: 'TransactionBody', field })),
    ...Object.entries(SIMULATED_TRANSACTIONS).flatMap(([kind, t]) =>
      t.refused.map((field) => ({ where: kind, field })),
    ),
  ];
  return [
    BEGIN,
    `Simulated transactions: ${Object.values(SIMULATED_TRANSACTIONS)
      .map((t) => t.title)
      .join(', ')}. Simulated queries: ${Object.values(SIMULATED_QUERIES)
      .map((q) => q.title)
      .join(', ')}.`,
    '',
    'Refused at precheck with `NOT_SUPPORTED` (nothing reaches consensus, no fee), so code relying on them',
    'fails here rather than behaving differently on a real network:',
    '',
    `- **Transactions** (every other \`TransactionBody\` kind): ${transactions.map(code).join(', ')}.`,
    `- **Queries** (answered in their own response field): ${queries.map(code).join(', ')}.`,
    '- **Fields** of simulated transactions, when set (or the status Hedera gives for that field):',
    ...byFeature(fields).map((line) => `  ${line}`),
    '',
    'Not simulated either (nothing to refuse):',
    '',
    ...NOT_SIMULATED_BEHAVIOUR.map((line) => `- ${line}.`),
    END,
  ].join('\n');
}

/** The README with its section replaced by a fresh rendering. */
export function withRenderedSection(readme: string): string {
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${BEGIN} … ${END} markers`);
  return readme.slice(0, from) + renderNotSimulated() + readme.slice(to + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  writeFileSync(README, withRenderedSection(readFileSync(README, 'utf8')));
}
