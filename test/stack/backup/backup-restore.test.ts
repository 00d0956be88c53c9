import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { masterKeyFromBase64 } from '../../../identity/master-key.ts';
import { BackupError } from '../../../stack/backup/backup-error.ts';
import type { BackupManifest } from '../../../stack/backup/backup-manifest.ts';
import { restoreBackup } from '../../../stack/backup/restore-backup.ts';
import { RESTORE_MARKER } from '../../../stack/backup/resume-after-restore.ts';
import { takeBackup } from '../../../stack/backup/take-backup.ts';
import { verifyBackup } from '../../../stack/backup/verify-backup.ts';
import { JWT_KEY, sql, stoppedDataDir } from './backup-fixture.ts';

const fresh = (name: string) => join(mkdtempSync(join(tmpdir(), `mrv-${name}-`)), 'target');

function refusal(run: () => unknown): BackupError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A backup of a stopped fixture, and a way to damage a copy of it. */
function backedUp() {
  const source = stoppedDataDir();
  const backupDir = fresh('backup');
  const manifest = takeBackup({ dataDir: source.dataDir, outDir: backupDir, masterKey: source.masterKey });
  const damagedCopy = (damage: (dir: string, manifest: BackupManifest) => void) => {
    const copy = fresh('damaged');
    cpSync(backupDir, copy, { recursive: true });
    damage(copy, JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')));
    return copy;
  };
  return { ...source, backupDir, manifest, damagedCopy };
}

const writeManifest = (dir: string, m: unknown) =>
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));

describe('mrv backup / mrv restore of the embedded stack', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
  });

  it('backs up a stopped stack: databases, the ledger without its torn line, sealed keys, no master key', () => {
    const { dataDir, backupDir, manifest } = backedUp();
    expect(manifest.stack_running).toBe(false);
    expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.kind]))).toEqual({
      'demo-api-key': 'secret',
      'hedera/consensus-events.ndjson': 'ledger',
      'jwt-signing-key.pem': 'secret',
      'mongodb/mrv.sqlite': 'mongodb',
      'mongodb/state.json': 'file',
      'mtls/server-cert.pem': 'file',
      'mtls/server-key.pem': 'secret',
      'temporal/temporal.db': 'temporal',
    });
    expect(manifest.ledger_events).toBe(2);
    expect(manifest.excluded.map((e) => e.path)).toEqual(['master.key', 'run', 'logs']);
    expect(readFileSync(join(backupDir, 'data/hedera/consensus-events.ndjson'), 'utf8')).toBe(
      '{"c":"1","t":"AA=="}\n{"c":"2","t":"AQ=="}\n',
    );
    // No secret in the clear anywhere in the backup, and no master key.
    const everything = readdirSync(backupDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
      .join('\n');
    expect(everything).not.toContain('mrv_live_demo_secret');
    expect(everything).not.toContain('MC4CAQAwBQYDK2VwBCIE');
    expect(everything).not.toContain(readFileSync(join(dataDir, 'master.key'), 'utf8').trim());
    expect(existsSync(join(backupDir, '.pending'))).toBe(false);
  });

  it('restores into a new directory: the same rows, keys opened (0600), master key kept, resume marker left', () => {
    const { dataDir, backupDir, masterKey } = backedUp();
    const target = fresh('restored');
    const { files } = restoreBackup({ backupDir, dataDir: target, masterKey, writeMasterKey: true });
    expect(files).toBe(8);
    const rows = (dir: string) =>
      sql(join(dir, 'mongodb/mrv.sqlite'), 'SELECT id, status FROM readings ORDER BY id;');
    expect(rows(target)).toBe(rows(dataDir));
    expect(sql(join(target, 'temporal/temporal.db'), 'SELECT id FROM executions;')).toBe(
      'device/org_1/dev_1\n',
    );
    expect(readFileSync(join(target, 'jwt-signing-key.pem'), 'utf8')).toBe(JWT_KEY);
    expect(statSync(join(target, 'jwt-signing-key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(target, 'master.key'), 'utf8')).toBe(
      readFileSync(join(dataDir, 'master.key'), 'utf8'),
    );
    expect(existsSync(join(target, RESTORE_MARKER))).toBe(true);
    expect(existsSync(join(target, 'run'))).toBe(false);
    expect(readdirSync(join(target, '..')).filter((n) => n.includes('.restoring-'))).toEqual([]);
  });

  it('refuses to restore a partial, damaged or hostile backup, naming the problem, and writes nothing', () => {
    const { damagedCopy, masterKey } = backedUp();
    const cases: [string, (dir: string, m: BackupManifest) => void, RegExp][] = [
      [
        'partial',
        (dir) => rmSync(join(dir, 'manifest.json')),
        /no manifest\.json: not a backup, or a partial one/,
      ],
      ['not JSON', (dir) => writeFileSync(join(dir, 'manifest.json'), '{"format": "mrv-b'), /not JSON/],
      [
        'oversized',
        (dir) => writeFileSync(join(dir, 'manifest.json'), ' '.repeat(5 * 1024 * 1024)),
        /the limit is/,
      ],
      ['wrong format', (dir, m) => writeManifest(dir, { ...m, format: 'tar' }), /format/],
      [
        'a path leaving the data directory',
        (dir, m) =>
          writeManifest(dir, { ...m, files: [...m.files, { ...m.files[0]!, path: '../../etc/cron.d/x' }] }),
        /path/,
      ],
      [
        'an absolute path',
        (dir, m) => writeManifest(dir, { ...m, files: [{ ...m.files[0]!, path: '/etc/passwd' }] }),
        /path/,
      ],
      ['a path twice', (dir, m) => writeManifest(dir, { ...m, files: [...m.files, m.files[0]!] }), /twice/],
      [
        'a flipped byte',
        (dir) => {
          const f = join(dir, 'data/mongodb/mrv.sqlite');
          const bytes = readFileSync(f);
          bytes[bytes.length - 1] = bytes.at(-1)! ^ 0xff;
          writeFileSync(f, bytes);
        },
        /data\/mongodb\/mrv\.sqlite does not match its SHA-256/,
      ],
      [
        'a truncated file',
        (dir) => writeFileSync(join(dir, 'data/temporal/temporal.db'), 'x'),
        /has 1 bytes/,
      ],
      ['a missing file', (dir) => rmSync(join(dir, 'data/hedera/consensus-events.ndjson')), /is missing/],
      [
        'an extra file',
        (dir) => writeFileSync(join(dir, 'data/evil.sh'), 'rm -rf /'),
        /data\/evil\.sh is not in the manifest/,
      ],
      [
        'a link in place of a file',
        (dir) => {
          rmSync(join(dir, 'data/mtls/server-cert.pem'));
          symlinkSync('/etc/passwd', join(dir, 'data/mtls/server-cert.pem'));
        },
        /not a regular file/,
      ],
    ];
    for (const [what, damage, message] of cases) {
      const copy = damagedCopy(damage);
      const target = fresh('never');
      const error = refusal(() =>
        restoreBackup({ backupDir: copy, dataDir: target, masterKey, writeMasterKey: true }),
      );
      expect(error.code, what).toBe('BACKUP_INVALID');
      expect(error.message, what).toMatch(message);
      expect(existsSync(target), what).toBe(false);
    }
  });

  it('refuses a wrong master key, a non-empty target and one a running stack uses', () => {
    const { dataDir, backupDir, masterKey } = backedUp();
    const other = masterKeyFromBase64(randomBytes(32).toString('base64'));
    const target = fresh('target');
    expect(
      refusal(() => restoreBackup({ backupDir, dataDir: target, masterKey: other, writeMasterKey: true }))
        .code,
    ).toBe('MASTER_KEY_MISMATCH');
    const nonEmpty = refusal(() => restoreBackup({ backupDir, dataDir, masterKey, writeMasterKey: true }));
    expect(nonEmpty.code).toBe('TARGET_REFUSED');
    expect(nonEmpty.message).toMatch(/not empty/);
    // An `mrv up` (this very process stands in for it) holds the target's run lock.
    mkdirSync(join(target, 'run'), { recursive: true });
    writeFileSync(join(target, 'run', 'mrv-up.lock'), String(process.pid));
    expect(
      refusal(() => restoreBackup({ backupDir, dataDir: target, masterKey, writeMasterKey: true })).message,
    ).toMatch(/is running on/);
    expect(verifyBackup(backupDir).files).toHaveLength(8);
  });

  it('refuses to back up into a non-empty directory, into the data directory, or from nowhere', () => {
    const { dataDir, masterKey, backupDir } = backedUp();
    expect(refusal(() => takeBackup({ dataDir, outDir: backupDir, masterKey })).message).toMatch(/not empty/);
    expect(refusal(() => takeBackup({ dataDir, outDir: join(dataDir, 'b'), masterKey })).message).toMatch(
      /inside the data/,
    );
    expect(
      refusal(() => takeBackup({ dataDir: fresh('none'), outDir: fresh('b'), masterKey })).message,
    ).toMatch(/no data directory/);
  });

  it('copies a database under a busy writer at one point in time, and gives up while the ledger never rests', async () => {
    const { dataDir, masterKey } = stoppedDataDir();
    const db = join(dataDir, 'mongodb', 'mrv.sqlite');
    // A writer that commits batches without pause, as FerretDB does under load.
    const writer = spawn('sqlite3', ['-batch', db], { stdio: ['pipe', 'ignore', 'ignore'] });
    children.push(writer);
    writer.stdin!.write('PRAGMA busy_timeout=30000;\n');
    for (let i = 0; i < 2000; i++) {
      writer.stdin!.write(
        `BEGIN; INSERT INTO readings VALUES ('w${i}a','RECEIVED'); INSERT INTO readings VALUES ('w${i}b','RECEIVED'); COMMIT;\n`,
      );
    }
    writer.stdin!.on('error', () => {});
    const rows = () => Number(sql(db, "SELECT count(*) FROM readings WHERE id LIKE 'w%';"));
    while (rows() === 0) await new Promise((r) => setTimeout(r, 20));
    const outDir = fresh('busy');
    takeBackup({ dataDir, outDir, masterKey });
    // Every transaction wrote two rows: a consistent copy never holds half of one.
    const count = Number(
      sql(join(outDir, 'data/mongodb/mrv.sqlite'), "SELECT count(*) FROM readings WHERE id LIKE 'w%';"),
    );
    expect(count).toBeGreaterThan(0);
    expect(count % 2).toBe(0);
    const done = new Promise((r) => writer.once('exit', r));
    writer.stdin!.end();
    await done;

    const ledger = join(dataDir, 'hedera', 'consensus-events.ndjson');
    appendFileSync(ledger, '\n');
    const appender = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');let n=9;setInterval(()=>fs.appendFileSync(${JSON.stringify(ledger)},'{"c":"'+(n++)+'","t":"AA=="}\\n'),1)`,
      ],
      { stdio: 'ignore' },
    );
    children.push(appender);
    await new Promise((r) => setTimeout(r, 300));
    const moving = refusal(() => takeBackup({ dataDir, outDir: fresh('moving'), masterKey }));
    expect(moving.code).toBe('SNAPSHOT_FAILED');
    expect(moving.message).toMatch(/the ledger kept moving/);
  });
});
