/**
 * Static checking and compilation time per shipped policy. Prints JSON:
 * {target_ms, runs, policies: [{file, cold_validate_ms, validate_ms, compile_ms, validate_and_compile_ms, within_target}]}.
 * `cold_validate_ms` is the first parse in the process (schema compiler and CEL environment set-up
 * included); the others are medians and p95s of `runs` repetitions. Single-threaded.
 */
import { readFileSync } from 'node:fs';
import { compilePolicy, parsePolicy } from '../engine/policy/index.ts';

const TARGET_MS = 50;
const runs = Number(process.env.BENCH_RUNS ?? 50);
const files = ['policies/hydro-ams-i-d.yaml', 'policies/hydro-acm0002.yaml'];

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

const sources = files.map((file) => ({ file, source: readFileSync(file, 'utf8') }));
const policies = sources.map(({ file, source }, i) => {
  const [first, cold] = time(() => parsePolicy(source, file));
  if (!first.policy) throw new Error(`${file} is invalid: ${JSON.stringify(first.problems)}`);
  const validate: number[] = [];
  const compile: number[] = [];
  const both: number[] = [];
  for (let r = 0; r < runs; r++) {
    const [parsed, tv] = time(() => parsePolicy(source, file));
    const [, tc] = time(() => compilePolicy(parsed.policy!));
    validate.push(tv);
    compile.push(tc);
    both.push(tv + tc);
  }
  const total = stats(both);
  return {
    file,
    bytes: Buffer.byteLength(source),
    cold_validate_ms: round(cold),
    cold_includes_setup: i === 0,
    validate_ms: stats(validate),
    compile_ms: stats(compile),
    validate_and_compile_ms: total,
    within_target: total.median <= TARGET_MS,
  };
});

process.stdout.write(
  `${JSON.stringify({ target_ms: TARGET_MS, runs, node: process.version, policies }, null, 2)}\n`,
);
