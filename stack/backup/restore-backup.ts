import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openSecret, type SealedSecret } from '../../identity/envelope.ts';
import type { MasterKey } from '../../identity/master-key.ts';
import { BackupError } from './backup-error.ts';
import { type BackupManifest, masterKeyFingerprint, stored } from './backup-manifest.ts';
import { runningStackPid } from './data-dir-files.ts';
import { RESTORE_MARKER } from './resume-after-restore.ts';
import { secretAad } from './take-backup.ts';
import { verifyBackup } from './verify-backup.ts';

/**
 * `mrv restore`: checks the whole backup first (verify-backup.ts) and the master key against its
 * fingerprint, then assembles the data directory beside its destination and renames it into place,
 * so a failure half-way leaves nothing behind that `mrv up` could start on. The restored directory
 * carries a marker: its first `mrv up` hands readings still waiting for verification to their
 * workflows again (resume-after-restore.ts).
 */
export function restoreBackup(options: {
  backupDir: string;
  dataDir: string;
  masterKey: MasterKey;
  /** Write the master key into the restored directory (as `mrv up` keeps it when none is configured). */
  writeMasterKey: boolean;
  now?: Date;
}): { manifest: BackupManifest; files: number } {
  const dataDir = resolve(options.dataDir);
  const manifest = verifyBackup(options.backupDir);
  if (masterKeyFingerprint(options.masterKey.bytes) !== manifest.master_key_fingerprint) {
    throw new BackupError(
      'MASTER_KEY_MISMATCH',
      "the master key given is not the one this backup's secrets are sealed under (compare master_key_fingerprint in manifest.json)",
    );
  }
  const pid = runningStackPid(dataDir);
  if (pid !== undefined) {
    throw new BackupError(
      'TARGET_REFUSED',
      `an \`mrv up\` (pid ${pid}) is running on ${dataDir}; stop it first`,
    );
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(
      'TARGET_REFUSED',
      `${dataDir} is not empty; restore into a new directory, or move this one aside first`,
    );
  }
  const staging = `${dataDir}.restoring-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of manifest.files) {
      const from = join(resolve(options.backupDir), stored(file));
      const to = join(staging, file.path);
      mkdirSync(dirname(to), { recursive: true });
      if (file.kind !== 'secret') {
        copyFileSync(from, to);
        continue;
      }
      const secret = openSecret({
        masterKey: options.masterKey,
        sealed: JSON.parse(readFileSync(from, 'utf8')) as SealedSecret,
        aad: secretAad(file.path),
      });
      writeFileSync(to, secret, { mode: 0o600 });
    }
    if (options.writeMasterKey) {
      writeFileSync(
        join(staging, 'master.key'),
        `${Buffer.from(options.masterKey.bytes).toString('base64')}\n`,
        {
          mode: 0o600,
        },
      );
    }
    writeFileSync(
      join(staging, RESTORE_MARKER),
      `${JSON.stringify({ backup_created_at: manifest.created_at, restored_at: (options.now ?? new Date()).toISOString() })}\n`,
    );
    if (existsSync(dataDir)) rmdirSync(dataDir);
    mkdirSync(dirname(dataDir), { recursive: true });
    renameSync(staging, dataDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { manifest, files: manifest.files.length };
}
