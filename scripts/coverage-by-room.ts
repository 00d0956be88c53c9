/**
 * Sums vitest's json-summary report per room (top-level folder) and prints statement and branch
 * coverage as JSON or as a Markdown table. With `--check`, exits 1 when a room is below its floor in
 * coverage-floors.json (set from a green whole-suite run, a little under the measured figure, so that
 * a change which drops a room's tests fails CI; raise them as tests are added, never lower them to pass).
 *
 *   npx tsx scripts/coverage-by-room.ts [coverage/coverage-summary.json] [--markdown] [--check]
 */
import { existsSync, readFileSync } from 'node:fs';
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

if (args.includes('--check')) {
  const floors = JSON.parse(readFileSync('coverage-floors.json', 'utf8')) as Record<
    string,
    { statements: number; branches: number }
  >;
  const below: string[] = [];
  for (const [room, floor] of Object.entries(floors)) {
    if (room.startsWith('$')) continue;
    const row = rows.find((r) => r.room === room);
    if (!row || !existsSync(room)) {
      below.push(`${room}/: no coverage figures (floor ${floor.statements} % statements)`);
      continue;
    }
    for (const kind of ['statements', 'branches'] as const) {
      if (row[kind] < floor[kind])
        below.push(`${room}/: ${kind} ${row[kind]} % is below its floor of ${floor[kind]} %`);
    }
  }
  if (below.length > 0) {
    console.error(`coverage below the floors in coverage-floors.json:\n  ${below.join('\n  ')}`);
    process.exit(1);
  }
  console.error('coverage: every room at or above its floor (coverage-floors.json)');
}
