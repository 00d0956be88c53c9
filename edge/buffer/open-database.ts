import { existsSync, renameSync } from 'node:fs';
import sqlite from 'node-sqlite3-wasm';

export type Database = InstanceType<typeof sqlite.Database>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  device_ref TEXT NOT NULL,
  seq INTEGER NOT NULL,
  created_ms INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dead_letters (
  id INTEGER PRIMARY KEY,
  device_ref TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  status INTEGER NOT NULL,
  problem TEXT NOT NULL,
  at_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS device_state (ref TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** How the buffer is opened; `integrityCheck` (default true) runs SQLite's quick_check first. */
export interface OpenOptions {
  maxMb?: number;
  readOnly?: boolean;
  integrityCheck?: boolean;
  now?: () => number;
}

/**
 * Opens (or creates) the buffer database with `synchronous=FULL` (a commit is on disk before it
 * returns: power loss keeps every committed document) and the configured size cap. A file that is
 * not a database, or fails SQLite's quick check, is moved aside as `<db>.corrupt-<ms>` — kept for
 * forensics, never read again — and a fresh buffer takes its place; the caller is told.
 *
 * The agent asks for the quick check only after an unclean shutdown: it reads every page through
 * the wasm heap, which grows by ~40 MB and never shrinks, and a cleanly closed SQLite file with
 * `synchronous=FULL` has nothing a crash could have torn. A file that is not a database at all is
 * still caught without it, by the first statement.
 */
export function openDatabase(
  path: string,
  options: OpenOptions = {},
): { db: Database; quarantined?: string } {
  const now = options.now ?? Date.now;
  let quarantined: string | undefined;
  let db: Database | undefined;
  try {
    db = prepare(path, options);
  } catch (error) {
    db?.close();
    if (options.readOnly || !existsSync(path) || !isCorruption(error)) throw error;
    quarantined = `${path}.corrupt-${now()}`;
    renameSync(path, quarantined);
    for (const suffix of ['-journal', '-wal']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, quarantined + suffix);
    }
    db = prepare(path, options);
  }
  return quarantined ? { db, quarantined } : { db };
}

function prepare(path: string, options: OpenOptions): Database {
  const db = new sqlite.Database(path, options.readOnly ? { readOnly: true, fileMustExist: true } : {});
  try {
    if (options.integrityCheck ?? true) {
      const check = db.get('PRAGMA quick_check') as Record<string, unknown> | null;
      const verdict = check ? Object.values(check)[0] : 'ok';
      if (verdict !== 'ok') throw new CorruptBuffer(`quick_check: ${String(verdict)}`);
    } else {
      // Reads the header and schema page: a file that is not a database fails here.
      db.get('SELECT count(*) AS n FROM sqlite_master');
    }
    if (options.readOnly) return db;
    db.exec('PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;');
    if (options.maxMb) {
      const page = Number((db.get('PRAGMA page_size') as { page_size: number }).page_size);
      db.exec(`PRAGMA max_page_count=${Math.max(16, Math.floor((options.maxMb * 1024 * 1024) / page))}`);
    }
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

class CorruptBuffer extends Error {}

function isCorruption(error: unknown): boolean {
  if (error instanceof CorruptBuffer) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /not a database|malformed|corrupt|SQLITE_NOTADB|SQLITE_CORRUPT/i.test(message);
}
