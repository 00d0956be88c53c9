import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.ts';
import { loadMasterKey } from '../../identity/master-key.ts';
import { restoreBackup } from '../../stack/backup/restore-backup.ts';
import { verifyBackup } from '../../stack/backup/verify-backup.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary =
  'restore <backup> [--data-dir <dir>] [--check]: check a backup, then restore it into a new data directory';

const usage = `usage: mrv restore <backup dir> [--data-dir <new or empty dir>] [--check]
Checks the backup (manifest, every file's size and SHA-256) and the master key (MRV_MASTER_KEY or
MRV_MASTER_KEY_FILE) against its fingerprint, then restores into --data-dir (default MRV_DATA_DIR),
which must be new or empty. --check only checks the backup. Then start it with \`mrv up\`.`;

export async function run(args: string[]): Promise<number> {
  let values: { 'data-dir'?: string; check?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, check: { type: 'boolean', default: false } },
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  if (positionals.length !== 1) throw new CliUsageError(usage);
  const backupDir = positionals[0]!;
  if (values.check) {
    const manifest = verifyBackup(backupDir);
    process.stdout.write(
      `${JSON.stringify({ backup: resolve(backupDir), ok: true, files: manifest.files.length, created_at: manifest.created_at })}\n`,
    );
    return 0;
  }
  const config = loadConfig();
  const masterKey = await loadMasterKey({ env: process.env, readFile: (p) => readFile(p) }).catch((error) => {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  });
  const dataDir = resolve(values['data-dir'] ?? config.dataDir);
  // Without MRV_MASTER_KEY, `mrv up` reads <dataDir>/master.key: put the key where it will look.
  const { manifest, files } = restoreBackup({
    backupDir,
    dataDir,
    masterKey,
    writeMasterKey: !config.masterKey,
  });
  process.stdout.write(
    `${JSON.stringify({ restored: dataDir, from: resolve(backupDir), created_at: manifest.created_at, files })}\n`,
  );
  return 0;
}
