import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runLockHolder } from '../run-lock.ts';
import type { BackupFileKind } from './backup-manifest.ts';

/** What a backup does with each entry of the embedded stack's data directory (`MRV_DATA_DIR`). */
export interface DataDirEntry {
  path: string;
  kind: BackupFileKind;
}

export const LEDGER_LOG = 'hedera/consensus-events.ndjson';
export const RUN_LOCK = 'run/mrv-up.lock';

/** Left out of every backup, with the reason written into the manifest. */
export const EXCLUDED: readonly { path: string; reason: string }[] = [
  {
    path: 'master.key',
    reason:
      'the master key never goes into a backup: keep it apart (restore asks for it, and checks it against master_key_fingerprint)',
  },
  { path: 'run', reason: "pid files and locks of the running stack's processes" },
  {
    path: 'logs',
    reason:
      'operational logs (VictoriaLogs): not system state; keep them with a log-store retention policy instead',
  },
];

/** SQLite's side files: the online backup already holds their committed content. */
const SQLITE_SIDE = /-(wal|shm|journal)$/;

/** A file is treated as a secret (sealed in the backup) when its name says it holds a key. */
const looksSecret = (name: string) => /key/i.test(name) && !name.endsWith('.sqlite');

/**
 * Every file of the data directory the backup takes, classified: FerretDB's databases, Temporal's
 * database and the local ledger's log are snapshotted; files whose name says key are sealed under
 * the master key; any other file is copied as it is (so a new kind of state is not silently lost).
 */
export function dataDirEntries(dataDir: string): DataDirEntry[] {
  const entries: DataDirEntry[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const path = relative(dataDir, full).split(sep).join('/');
      if (EXCLUDED.some((e) => e.path === path)) continue;
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && !SQLITE_SIDE.test(name)) entries.push({ path, kind: kindOf(path, name) });
    }
  };
  if (existsSync(dataDir)) walk(dataDir);
  return entries;
}

function kindOf(path: string, name: string): BackupFileKind {
  if (path.startsWith('mongodb/') && name.endsWith('.sqlite')) return 'mongodb';
  if (path === 'temporal/temporal.db') return 'temporal';
  if (path === LEDGER_LOG) return 'ledger';
  return looksSecret(name) ? 'secret' : 'file';
}

/** The pid in `run/mrv-up.lock` when that `mrv up` is alive. */
export function runningStackPid(dataDir: string): number | undefined {
  return runLockHolder(join(dataDir, RUN_LOCK));
}
