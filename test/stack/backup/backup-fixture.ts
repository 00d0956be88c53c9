import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MasterKey, masterKeyFromBase64 } from '../../../identity/master-key.ts';

/** Runs SQL through the sqlite3 shell (the same tool the backup uses); returns its output. */
export function sql(database: string, statements: string): string {
  const r = spawnSync('sqlite3', ['-batch', '-bail', database], { input: statements, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 ${database}: ${r.stderr}`);
  return r.stdout;
}

export const JWT_KEY =
  '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIFakeFakeFakeFakeFakeFakeFakeFakeFakeFake\n-----END PRIVATE KEY-----\n';

/**
 * A data directory laid out as `mrv up` leaves it, with real SQLite databases: FerretDB's per-database
 * file, Temporal's, the local ledger's log (its last line torn, as after a crash), key files, the
 * master key, run files and logs.
 */
export function stoppedDataDir(): { dataDir: string; masterKey: MasterKey; encodedKey: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'mrv-data-'));
  for (const d of ['mongodb', 'temporal', 'hedera', 'mtls', 'run', 'logs']) mkdirSync(join(dataDir, d));
  sql(
    join(dataDir, 'mongodb', 'mrv.sqlite'),
    "PRAGMA journal_mode=WAL; CREATE TABLE readings(id TEXT PRIMARY KEY, status TEXT); INSERT INTO readings VALUES ('rdg_1','APPROVED'),('rdg_2','RECEIVED');",
  );
  writeFileSync(join(dataDir, 'mongodb', 'state.json'), '{"uuid":"x"}\n');
  sql(
    join(dataDir, 'temporal', 'temporal.db'),
    "CREATE TABLE executions(id TEXT); INSERT INTO executions VALUES ('device/org_1/dev_1');",
  );
  writeFileSync(
    join(dataDir, 'hedera', 'consensus-events.ndjson'),
    '{"c":"1","t":"AA=="}\n{"c":"2","t":"AQ=="}\n{"c":"3","t":"Ag',
  );
  writeFileSync(join(dataDir, 'jwt-signing-key.pem'), JWT_KEY, { mode: 0o600 });
  writeFileSync(join(dataDir, 'demo-api-key'), 'mrv_live_demo_secret\n', { mode: 0o600 });
  writeFileSync(
    join(dataDir, 'mtls', 'server-cert.pem'),
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  );
  writeFileSync(
    join(dataDir, 'mtls', 'server-key.pem'),
    '-----BEGIN PRIVATE KEY-----\nserver\n-----END PRIVATE KEY-----\n',
  );
  const encodedKey = randomBytes(32).toString('base64');
  writeFileSync(join(dataDir, 'master.key'), `${encodedKey}\n`, { mode: 0o600 });
  writeFileSync(join(dataDir, 'run', 'ferretdb.pid'), '999999');
  writeFileSync(join(dataDir, 'logs', 'part-1'), 'log data');
  return { dataDir, masterKey: masterKeyFromBase64(encodedKey), encodedKey };
}
