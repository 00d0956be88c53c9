import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { formatSchemaErrors } from '../../engine/telemetry/index.ts';
import schema from '../../schemas/backup-manifest.schema.json' with { type: 'json' };
import { BackupError } from './backup-error.ts';

export type BackupFileKind = 'mongodb' | 'temporal' | 'ledger' | 'secret' | 'file';

export interface BackupFile {
  /** Relative to the data directory (where restore puts it). */
  path: string;
  /** Size and digest of the file as stored in the backup (a secret: of its sealed form). */
  bytes: number;
  sha256: string;
  kind: BackupFileKind;
}

export interface BackupManifest {
  format: 'mrv-backup';
  version: 1;
  created_at: string;
  stack_running: boolean;
  master_key_fingerprint: string;
  ledger_events: number;
  files: BackupFile[];
  excluded: { path: string; reason: string }[];
}

export const MANIFEST_FILE = 'manifest.json';
/** Where a file of the data directory lives inside the backup directory. */
export const stored = (file: Pick<BackupFile, 'path' | 'kind'>) =>
  `data/${file.path}${file.kind === 'secret' ? '.sealed.json' : ''}`;

/** A manifest is a few KiB; anything far bigger is not one of ours. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile<BackupManifest>(schema);

/** Parses and checks a manifest's text; throws BACKUP_INVALID naming every problem. */
export function parseManifest(text: string): BackupManifest {
  if (text.length > MAX_MANIFEST_BYTES) {
    throw new BackupError(
      'BACKUP_INVALID',
      `manifest.json is ${text.length} bytes; the limit is ${MAX_MANIFEST_BYTES}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BackupError('BACKUP_INVALID', `manifest.json is not JSON: ${(error as Error).message}`);
  }
  if (!validate(value)) {
    throw new BackupError(
      'BACKUP_INVALID',
      `manifest.json: ${formatSchemaErrors(validate.errors).join('; ')}`,
    );
  }
  const seen = new Set<string>();
  for (const f of value.files) {
    if (seen.has(f.path)) throw new BackupError('BACKUP_INVALID', `manifest.json names ${f.path} twice`);
    seen.add(f.path);
  }
  return value;
}

/** SHA-256 and size of a file, read in chunks (database files can be large). */
export function digestFile(path: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Names a master key without revealing it (a domain-separated hash). */
export function masterKeyFingerprint(masterKey: Uint8Array): string {
  return createHash('sha256').update('mrv-backup-fingerprint\0').update(masterKey).digest('hex');
}
