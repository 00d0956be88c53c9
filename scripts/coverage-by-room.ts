/**
 * Prints statement and branch coverage per room (top-level folder) from vitest's json-summary
 * report, as JSON or as a Markdown table. Floors per room are enforced
 * by nobody yet (issue 21: floors from the first whole-suite figures); this only sums the files.
 *
 *   npx tsx scripts/coverage-by-room.ts [coverage/coverage-summary.json] [--markdown]
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

interface Counts {
  total: number;
  covered: number;
}
type FileSummary = Record<'statements' | 'branches', Counts>;

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'coverage/coverage-summary.json';
const summary = JSON.parse(readFileSync(file, 'utf8')) as Record<string, FileSummary>;
const root = resolve('.');

const rooms = new Map<string, FileSummary>();
for (const [path, counts] of Object.entries(summary)) {
  if (path === 'total') continue;
  const room = relative(root, path).split(sep)[0]!;
  const sum = rooms.get(room) ?? { statements: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } };
  for (const kind of ['statements', 'branches'] as const) {
    sum[kind].total += counts[kind].total;
    sum[kind].covered += counts[kind].covered;
  }
  rooms.set(room, sum);
}

const percent = (c: Counts) => (c.total === 0 ? 100 : Math.floor((1000 * c.covered) / c.total) / 10);
const rows = [...rooms.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([room, c]) => ({ room, statements: percent(c.statements), branches: percent(c.branches) }));

if (args.includes('--markdown')) {
  console.log('| room | statements % | branches % |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.room}/ | ${r.statements} | ${r.branches} |`);
} else {
  console.log(JSON.stringify({ coverage_by_room: rows }, null, 2));
}
