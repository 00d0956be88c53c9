import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { EdgeError } from '../template/edge-error.ts';

/**
 * One agent per buffer. node-sqlite3-wasm locks with a `<db>.lock` directory that a killed process
 * leaves behind (the next open would wait forever): at start, if the pid file names a process that is
 * gone, that lock directory is stale and is removed. A live agent makes a second one refuse to start.
 */
export function acquireAgentLock(dbPath: string): { release(): void; staleLockRemoved: boolean } {
  const pidPath = `${dbPath}.pid`;
  let staleLockRemoved = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(pidPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      if (attempt === 0) {
        // No pid file: whoever held a lock directory died before writing one (or never ran): stale.
        staleLockRemoved = removeLockDir(dbPath);
      }
      return {
        staleLockRemoved,
        release: () => rmSync(pidPath, { force: true }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(pidPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new EdgeError('BUFFER_CORRUPT', `another mrv-edge (pid ${pid}) runs on ${dbPath}`);
      }
      rmSync(pidPath, { force: true });
      staleLockRemoved = removeLockDir(dbPath) || staleLockRemoved;
    }
  }
  throw new EdgeError('BUFFER_CORRUPT', `cannot take the agent lock ${pidPath}`);
}

function removeLockDir(dbPath: string): boolean {
  try {
    rmSync(`${dbPath}.lock`, { recursive: false, force: false });
    return true;
  } catch {
    try {
      rmSync(`${dbPath}.lock`, { recursive: true });
      return true;
    } catch {
      return false;
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
