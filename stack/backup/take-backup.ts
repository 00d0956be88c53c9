import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sealSecret } from '../../identity/envelope.ts';
import type { MasterKey } from '../../identity/master-key.ts';
import { BackupError } from './backup-error.ts';
import {
  type BackupFile,
  type BackupManifest,
  digestFile,
  MANIFEST_FILE,
  masterKeyFingerprint,
  stored,
} from './backup-manifest.ts';
import {
  type DataDirEntry,
  dataDirEntries,
  EXCLUDED,
  LEDGER_LOG,
  runningStackPid,
} from './data-dir-files.ts';
import { snapshotSqlite } from './sqlite-snapshot.ts';

/** How often the ledger may move under the MongoDB snapshot before the backup gives up. */
const MAX_LEDGER_TRIES = 8;

/** Binds a sealed file to its place, so sealed blobs cannot be swapped between files. */
export const secretAad = (path: string) => `mrv-backup/1:${path}`;

/**
 * `mrv backup`: a consistent snapshot of the embedded stack's data directory, running or stopped.
 *
 * Order matters because the three stores cannot be frozen together. Temporal is taken first: a
 * restored workflow history older than MongoDB only re-runs activities, which are idempotent, and
 * readings it never heard of are handed to it again on the first start (resume-after-restore.ts).
 * The ledger and MongoDB must agree exactly (an anchor or mint in the ledger with no intent record
 * in MongoDB would be submitted a second time), so MongoDB is taken between two reads of the ledger's
 * log and kept only if no consensus event arrived in between. Every intent attempt is written to
 * MongoDB before it is submitted (ledger/README.md), so each event of that ledger prefix has its
 * record in the snapshot, and an attempt the prefix lacks is seen as never executed and retried.
 */
export function takeBackup(options: { dataDir: string; outDir: string; masterKey: MasterKey; now?: Date }) {
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir);
  if (!existsSync(dataDir)) throw new BackupError('TARGET_REFUSED', `no data directory at ${dataDir}`);
  if (outDir === dataDir || outDir.startsWith(`${dataDir}/`)) {
    throw new BackupError('TARGET_REFUSED', 'the backup cannot go inside the data directory it copies');
  }
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new BackupError('TARGET_REFUSED', `${outDir} is not empty; give a new or empty directory`);
  }
  // Owner-only: the databases hold hashed API keys, sealed keys and every organization's data.
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const running = runningStackPid(dataDir) !== undefined;
  const entries = dataDirEntries(dataDir);
  const files: BackupFile[] = [];
  const put = (entry: DataDirEntry, write: (target: string) => void) => {
    const target = join(outDir, stored(entry));
    mkdirSync(dirname(target), { recursive: true });
    write(target);
    fsyncFile(target);
    files.push({ ...entry, ...digestFile(target) });
  };

  for (const e of entries.filter((e) => e.kind === 'temporal')) {
    put(e, (target) => snapshotSqlite(join(dataDir, e.path), target));
  }
  const ledgerEvents = snapshotMongoAgainstLedger(dataDir, join(outDir, '.pending'), entries, put);
  for (const e of entries.filter((e) => e.kind === 'secret' || e.kind === 'file')) {
    put(e, (target) => {
      if (e.kind === 'file') return copyFileSync(join(dataDir, e.path), target);
      const sealed = sealSecret({
        masterKey: options.masterKey,
        secret: readFileSync(join(dataDir, e.path)),
        aad: secretAad(e.path),
        randomBytes: (n) => randomBytes(n),
      });
      writeFileSync(target, JSON.stringify(sealed), { mode: 0o600 });
    });
  }

  const manifest: BackupManifest = {
    format: 'mrv-backup',
    version: 1,
    created_at: (options.now ?? new Date()).toISOString(),
    stack_running: running,
    master_key_fingerprint: masterKeyFingerprint(options.masterKey.bytes),
    ledger_events: ledgerEvents,
    files,
    excluded: [...EXCLUDED],
  };
  // Written last and renamed into place: a backup without manifest.json is partial, by definition.
  const temporary = join(outDir, `${MANIFEST_FILE}.partial`);
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  fsyncFile(temporary);
  renameSync(temporary, join(outDir, MANIFEST_FILE));
  fsyncFile(outDir);
  return manifest;
}

/** The complete lines of the ledger's append-only log (a torn last line is not an event yet). */
function ledgerPrefix(dataDir: string): Buffer {
  const path = join(dataDir, LEDGER_LOG);
  if (!existsSync(path)) return Buffer.alloc(0);
  const text = readFileSync(path);
  return text.subarray(0, text.lastIndexOf(0x0a) + 1);
}

function snapshotMongoAgainstLedger(
  dataDir: string,
  pending: string,
  entries: DataDirEntry[],
  put: (entry: DataDirEntry, write: (target: string) => void) => void,
): number {
  const databases = entries.filter((e) => e.kind === 'mongodb');
  const ledger = entries.find((e) => e.kind === 'ledger');
  for (let attempt = 1; attempt <= MAX_LEDGER_TRIES; attempt++) {
    const before = ledgerPrefix(dataDir);
    rmSync(pending, { recursive: true, force: true });
    mkdirSync(pending, { recursive: true });
    const copies = databases.map((entry, i) => {
      const target = join(pending, `${i}.sqlite`);
      snapshotSqlite(join(dataDir, entry.path), target);
      return { entry, target };
    });
    const after = ledgerPrefix(dataDir);
    if (before.equals(after)) {
      for (const { entry, target } of copies) put(entry, (dest) => renameSync(target, dest));
      if (ledger) put(ledger, (dest) => writeFileSync(dest, before));
      rmSync(pending, { recursive: true, force: true });
      return before.length === 0 ? 0 : before.toString('utf8').split('\n').length - 1;
    }
  }
  rmSync(pending, { recursive: true, force: true });
  throw new BackupError(
    'SNAPSHOT_FAILED',
    `the ledger kept moving while MongoDB was copied (${MAX_LEDGER_TRIES} tries); try again when the stack is quieter, or stop it first`,
  );
}

/** Data accepted into a backup must survive a power cut right after `mrv backup` says done. */
function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
