import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { BackupError } from './backup-error.ts';

/**
 * Consistent copies of SQLite databases that a live server (FerretDB, the Temporal dev server) is
 * writing. Both servers use SQLite's own POSIX locking, so `VACUUM INTO` from the sqlite3 shell reads
 * one point in time inside a single read transaction, WAL or not (a plain file copy could be torn).
 * The shell's `.backup` is not used: it copies 100 pages per step and gives up with "database is
 * locked" when a busy Temporal server writes between steps (seen here under load).
 */
const SQLITE3 = process.env.MRV_SQLITE3 ?? 'sqlite3';
const BUSY_TIMEOUT_MS = 30_000;

/** A path as an SQL string literal (single quotes doubled). */
function sqlString(path: string): string {
  if ([...path].some((c) => c.charCodeAt(0) < 0x20)) {
    throw new BackupError(
      'TARGET_REFUSED',
      `a path with control characters cannot be used: ${JSON.stringify(path)}`,
    );
  }
  return `'${path.replace(/'/g, "''")}'`;
}

function sqlite3(database: string, commands: string[], what: string): string {
  const result = spawnSync(SQLITE3, ['-batch', '-bail', database], {
    input: `${commands.join('\n')}\n`,
    encoding: 'utf8',
    timeout: BUSY_TIMEOUT_MS * 4,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(
      'TOOL_MISSING',
      'the sqlite3 command is needed for backups (Debian: apt-get install sqlite3; or set MRV_SQLITE3 to its path)',
    );
  }
  if (result.status !== 0) {
    const detail = (result.stderr || result.error?.message || `exit ${result.status}`).trim();
    throw new BackupError('SNAPSHOT_FAILED', `${what} failed: ${detail}`);
  }
  return result.stdout;
}

/** Copies the live database `source` into the new file `target` (one point in time). */
export function snapshotSqlite(source: string, target: string): void {
  // Opening a path that does not exist would create an empty database there.
  if (!existsSync(source)) throw new BackupError('SNAPSHOT_FAILED', `no database at ${source}`);
  for (let attempt = 1; ; attempt++) {
    try {
      sqlite3(
        source,
        [`.timeout ${BUSY_TIMEOUT_MS}`, `VACUUM INTO ${sqlString(target)};`],
        `backup of ${source}`,
      );
      break;
    } catch (error) {
      // A writer holding its lock longer than the busy timeout: wait a moment and take it again.
      if (attempt >= 5 || !/locked|busy/i.test((error as Error).message)) throw error;
      rmSync(target, { force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500 * attempt);
    }
  }
  const verdict = integrityOf(target);
  if (verdict !== 'ok')
    throw new BackupError('SNAPSHOT_FAILED', `the copy of ${source} is not sound: ${verdict}`);
}

/** SQLite's own integrity check of a database file: 'ok' or what it found. */
export function integrityOf(database: string): string {
  return sqlite3(database, ['PRAGMA integrity_check;'], `integrity check of ${database}`).trim();
}
