/**
 * `npm run bench`: every `bench:*` script of package.json, one after another (they share two cores;
 * running them together would measure the contention), each one's JSON merged into
 * bench/results/latest.json with the date, commit and machine. A benchmark that fails or times out is
 * recorded as such with the end of its stderr; none is left out without saying why.
 * Knobs (env): BENCH_QUICK=1 (smaller sizes from bench-plan.ts, recorded per benchmark),
 * BENCH_CHROMIUM=1 (also the Chromium ones), BENCH_ONLY=a,b / BENCH_SKIP=a,b, BENCH_TIMEOUT_S (1800).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { benchCommit, machineConditions } from './bench-conditions.ts';
import { type BenchPlan, benchPlans } from './bench-plan.ts';

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()) : undefined);
const knobs = {
  quick: process.env.BENCH_QUICK === '1',
  chromium: process.env.BENCH_CHROMIUM === '1',
  only: list(process.env.BENCH_ONLY),
  skip: list(process.env.BENCH_SKIP) ?? [],
  timeout_s: Number(process.env.BENCH_TIMEOUT_S ?? 1800),
};
const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
const names = Object.keys(scripts)
  .filter((s) => s.startsWith('bench:'))
  .map((s) => s.slice('bench:'.length));

/** Why a benchmark does not run in this invocation, or undefined when it does. */
function skipReason(name: string, plan: BenchPlan): string | undefined {
  if (knobs.only && !knobs.only.includes(name)) return 'not listed in BENCH_ONLY';
  if (knobs.skip.includes(name)) return 'listed in BENCH_SKIP';
  if (plan.chromium && !knobs.chromium) return 'needs Chromium: run with BENCH_CHROMIUM=1';
  return undefined;
}

/** The benchmark's JSON: all of stdout, or else the last JSON object that starts a line. */
function parseResult(stdout: string): unknown {
  const text = stdout.trim();
  try {
    return JSON.parse(text);
  } catch {
    for (let at = text.lastIndexOf('\n{'); at >= 0; at = text.lastIndexOf('\n{', at - 1)) {
      try {
        return JSON.parse(text.slice(at + 1));
      } catch {}
    }
    return undefined;
  }
}

function run(command: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }>(
    (resolve) => {
      const child = spawn(command[0]!, command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr = (stderr + d).slice(-20_000);
      });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
      }, knobs.timeout_s * 1000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, timedOut });
      });
    },
  );
}

const startedAt = new Date();
// Taken before the first benchmark: the commit measured and the load it started under.
const commit = benchCommit();
const machine = machineConditions();
const benchmarks: Record<string, unknown> = {};
for (const name of names) {
  const plan = benchPlans[name] ?? {};
  const reason = skipReason(name, plan);
  const base = { script: scripts[`bench:${name}`], planned: name in benchPlans, services: !!plan.services };
  if (reason) {
    benchmarks[name] = { ...base, status: 'skipped', reason };
    process.stderr.write(`bench ${name}: skipped (${reason})\n`);
    continue;
  }
  const quickEnv = knobs.quick ? (plan.quickEnv ?? {}) : {};
  const args = knobs.quick && plan.quickArgs ? ['--', ...plan.quickArgs] : [];
  const npm = ['npm', 'run', '-s', `bench:${name}`, ...args];
  const command = plan.services ? ['node', 'bin/mrv.js', 'services', 'run', '--', ...npm] : npm;
  process.stderr.write(`bench ${name}: ${command.join(' ')}\n`);
  const t0 = Date.now();
  const out = await run(command, { ...process.env, ...quickEnv });
  const result = parseResult(out.stdout);
  const status = out.timedOut ? 'timeout' : out.code === 0 && result !== undefined ? 'ok' : 'failed';
  benchmarks[name] = {
    ...base,
    command: command.join(' '),
    ...(knobs.quick ? { quick: { env: quickEnv, args: plan.quickArgs ?? [] } } : {}),
    status,
    exit_code: out.code,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    load_average_after: machineConditions().load_average,
    result: result ?? null,
    ...(status === 'ok' ? {} : { stderr_tail: out.stderr.split('\n').slice(-15).join('\n') }),
  };
  process.stderr.write(
    `bench ${name}: ${status} in ${(benchmarks[name] as { seconds: number }).seconds} s\n`,
  );
}

const report = {
  date: startedAt.toISOString(),
  finished: new Date().toISOString(),
  commit,
  machine: { ...machine, load_average_after: machineConditions().load_average },
  mode: knobs.quick ? 'quick (BENCH_QUICK=1: smaller sizes, not the figures of record)' : 'full',
  knobs,
  benchmarks,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
const failed = Object.entries(benchmarks).filter(([, b]) =>
  ['failed', 'timeout'].includes((b as { status: string }).status),
);
process.stderr.write(
  `bench/results/latest.json written; ${failed.length} failed: ${failed.map(([n]) => n).join(', ') || 'none'}\n`,
);
process.exitCode = failed.length ? 1 : 0;
