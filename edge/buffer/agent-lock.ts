import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { EdgeError } from '../template/edge-error.ts';

/**
 * One agent per buffer. node-sqlite3-wasm locks with a `<db>.lock` directory that a killed process
 * leaves behind (the next open would wait forever): at start, if the pid file names a process that is
 * gone, that lock directory is stale and is removed. A live agent makes a second one refuse to start.
 *
 * The pid file also records the holder's start time (Linux), so that after a power cut a pid reused
 * by an unrelated process does not keep the agent from starting. `uncleanShutdown` says the previous
 * agent never released the lock (killed, crashed, power lost): the caller checks the buffer's
 * integrity then, and only then (SQLite's quick_check costs ~40 MB of wasm memory that never shrinks).
 */
export function acquireAgentLock(dbPath: string): {
  release(): void;
  staleLockRemoved: boolean;
  uncleanShutdown: boolean;
} {
  const pidPath = `${dbPath}.pid`;
  let staleLockRemoved = false;
  let uncleanShutdown = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(pidPath, 'wx', 0o600);
      writeSync(fd, `${process.pid} ${processStartTime(process.pid) ?? ''}`.trim());
      closeSync(fd);
      if (attempt === 0) {
        // No pid file: whoever held a lock directory died before writing one (or never ran): stale.
        staleLockRemoved = removeLockDir(dbPath);
      }
      return {
        staleLockRemoved,
        uncleanShutdown: uncleanShutdown || staleLockRemoved,
        release: () => rmSync(pidPath, { force: true }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText, startText] = readFileSync(pidPath, 'utf8').trim().split(/\s+/);
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && holds(pid, startText)) {
        throw new EdgeError('BUFFER_CORRUPT', `another mrv-edge (pid ${pid}) runs on ${dbPath}`);
      }
      uncleanShutdown = true;
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

/** Whether `pid` still is the process that wrote the pid file (same start time where known). */
function holds(pid: number, recordedStart: string | undefined): boolean {
  if (!alive(pid)) return false;
  const start = processStartTime(pid);
  return recordedStart === undefined || start === undefined || start === recordedStart;
}

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); Linux only. */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
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
