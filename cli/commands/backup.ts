import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.ts';
import { masterKeyFromBase64 } from '../../identity/master-key.ts';
import { takeBackup } from '../../stack/backup/take-backup.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary =
  'backup <dir>: a consistent snapshot of the embedded stack (running or stopped), with a manifest';

const usage = `usage: mrv backup <new or empty directory>
Backs up MRV_DATA_DIR (the embedded stack of \`mrv up\`): FerretDB's and Temporal's databases (SQLite
online backups), the local Hedera network's log and the stack's files; keys stay sealed under the
master key, which is left out (keep it apart). With MONGODB_URI / TEMPORAL_ADDRESS set, back up those
servers with their own tools instead (docs/operations.md, "Backup and restore").`;

/** `mrv backup <dir>`: prints one JSON line describing the backup; exit 0 when it is complete. */
export async function run(args: string[]): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, options: {} }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  if (positionals.length !== 1) throw new CliUsageError(usage);
  const config = loadConfig();
  if (config.mongodb.uri || config.temporal.address) {
    throw new CliUsageError(
      `MONGODB_URI or TEMPORAL_ADDRESS is set: those servers are not the embedded stack's\n${usage}`,
    );
  }
  const dataDir = resolve(config.dataDir);
  const keyFile = join(dataDir, 'master.key');
  const encoded =
    config.masterKey ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : undefined);
  if (!encoded) throw new CliUsageError(`no master key: set MRV_MASTER_KEY, or keep ${keyFile}\n${usage}`);
  const manifest = takeBackup({ dataDir, outDir: positionals[0]!, masterKey: masterKeyFromBase64(encoded) });
  process.stdout.write(
    `${JSON.stringify({
      backup: resolve(positionals[0]!),
      created_at: manifest.created_at,
      stack_running: manifest.stack_running,
      files: manifest.files.length,
      bytes: manifest.files.reduce((n, f) => n + f.bytes, 0),
      ledger_events: manifest.ledger_events,
      master_key_fingerprint: manifest.master_key_fingerprint,
    })}\n`,
  );
  return 0;
}
