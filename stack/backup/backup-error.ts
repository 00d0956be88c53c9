export type BackupErrorCode =
  /** The sqlite3 command is missing (Debian: `apt-get install sqlite3`; scripts/install-sqlite3.sh). */
  | 'TOOL_MISSING'
  /** Where the backup should go, or the data directory to restore into, is not usable as it is. */
  | 'TARGET_REFUSED'
  /** The backup is partial, corrupt, tampered with or not a backup at all. */
  | 'BACKUP_INVALID'
  /** The master key given is not the one the backup's secrets are sealed under. */
  | 'MASTER_KEY_MISMATCH'
  /** A consistent snapshot could not be taken (the ledger kept moving, a database refused). */
  | 'SNAPSHOT_FAILED';

/** A refused backup or restore; the message says what is wrong and what to do. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
