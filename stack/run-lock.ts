import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StackError } from './stack-error.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the live process holding the lock `file`, if any (a stale lock names a dead one). */
export function runLockHolder(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

/** One `mrv up` per data directory: two stacks on the same SQLite files would corrupt them. */
export function acquireRunLock(file: string): () => void {
  mkdirSync(dirname(file), { recursive: true });
  const pid = runLockHolder(file);
  if (pid && pid !== process.pid) {
    throw new StackError(
      'START_FAILED',
      `another \`mrv up\` (pid ${pid}) is already running on this data directory. Stop it, or set MRV_DATA_DIR to another directory.`,
    );
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
