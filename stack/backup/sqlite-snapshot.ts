import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BackupError } from './backup-error.ts';

/**
 * Consistent copies of SQLite databases that a live server (FerretDB, the Temporal dev server) is
 * writing. Both servers use SQLite's own POSIX locking, so the sqlite3 shell's online backup
 * (`.backup`, the C backup API) reads one point in time, WAL or not; a plain file copy could be torn.
 */
const SQLITE3 = process.env.MRV_SQLITE3 ?? 'sqlite3';
const BUSY_TIMEOUT_MS = 30_000;

/** A path as one argument of a sqlite3 dot-command (double quotes, C-style escapes). */
function dotArgument(path: string): string {
  if ([...path].some((c) => c.charCodeAt(0) < 0x20)) {
    throw new BackupError(
      'TARGET_REFUSED',
      `a path with control characters cannot be used: ${JSON.stringify(path)}`,
    );
  }
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
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
  sqlite3(
    source,
    [`.timeout ${BUSY_TIMEOUT_MS}`, `.backup main ${dotArgument(target)}`],
    `backup of ${source}`,
  );
  const verdict = integrityOf(target);
  if (verdict !== 'ok')
    throw new BackupError('SNAPSHOT_FAILED', `the copy of ${source} is not sound: ${verdict}`);
}

/** SQLite's own integrity check of a database file: 'ok' or what it found. */
export function integrityOf(database: string): string {
  return sqlite3(database, ['PRAGMA integrity_check;'], `integrity check of ${database}`).trim();
}
