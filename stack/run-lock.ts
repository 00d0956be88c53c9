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

/** One `mrv up` per data directory: two stacks on the same SQLite files would corrupt them. */
export function acquireRunLock(file: string): () => void {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && alive(pid)) {
      throw new StackError(
        'START_FAILED',
        `another \`mrv up\` (pid ${pid}) is already running on this data directory. Stop it, or set MRV_DATA_DIR to another directory.`,
      );
    }
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
