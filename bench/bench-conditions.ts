import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

/** The machine a figure was measured on, and how loaded it was (load averages 1, 5 and 15 min). */
export function machineConditions() {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpu_model: cores[0]?.model.trim() ?? 'unknown',
    load_average: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The commit a benchmark ran at (with `+dirty` when the work tree had changes), or 'unknown'. */
export function benchCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    });
    return dirty.trim() ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}
