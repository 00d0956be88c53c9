import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { BackupError } from './backup-error.ts';
import {
  type BackupManifest,
  digestFile,
  MANIFEST_FILE,
  MAX_MANIFEST_BYTES,
  parseManifest,
  stored,
} from './backup-manifest.ts';

/**
 * Checks a backup directory before anything is restored from it: its manifest (present, well-formed,
 * no path leaving the directory), every file it lists (a regular file, not a link, of the stated size
 * and SHA-256) and nothing else beside them. Throws BACKUP_INVALID listing every problem found.
 */
export function verifyBackup(backupDir: string): BackupManifest {
  const root = resolve(backupDir);
  if (!existsSync(root) || !lstatSync(root).isDirectory()) {
    throw new BackupError('BACKUP_INVALID', `${root} is not a directory`);
  }
  const manifestPath = join(root, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    throw new BackupError(
      'BACKUP_INVALID',
      `${root} has no ${MANIFEST_FILE}: not a backup, or a partial one (mrv backup writes it last)`,
    );
  }
  const manifestStat = lstatSync(manifestPath);
  if (!manifestStat.isFile())
    throw new BackupError('BACKUP_INVALID', `${MANIFEST_FILE} is not a regular file`);
  if (manifestStat.size > MAX_MANIFEST_BYTES) {
    throw new BackupError(
      'BACKUP_INVALID',
      `${MANIFEST_FILE} is ${manifestStat.size} bytes; the limit is ${MAX_MANIFEST_BYTES}`,
    );
  }
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const file of manifest.files) {
    const rel = stored(file);
    listed.add(rel);
    const full = resolve(root, rel);
    if (!full.startsWith(`${root}${sep}`)) {
      problems.push(`${file.path} points outside the backup`);
      continue;
    }
    const stat = existsSync(full) ? lstatSync(full) : undefined;
    if (!stat) problems.push(`${rel} is missing`);
    else if (!stat.isFile()) problems.push(`${rel} is not a regular file`);
    else if (stat.size !== file.bytes)
      problems.push(`${rel} has ${stat.size} bytes, the manifest says ${file.bytes}`);
    else if (digestFile(full).sha256 !== file.sha256) problems.push(`${rel} does not match its SHA-256`);
  }
  for (const rel of filesUnder(root)) {
    if (rel !== MANIFEST_FILE && !listed.has(rel)) problems.push(`${rel} is not in the manifest`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('; ');
    const more = problems.length > 20 ? ` (and ${problems.length - 20} more)` : '';
    throw new BackupError('BACKUP_INVALID', `the backup at ${root} is damaged: ${shown}${more}`);
  }
  return manifest;
}

/** Every entry below `root` that is not a directory, as a '/'-separated relative path. */
function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (lstatSync(full).isDirectory()) walk(full);
      else found.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return found;
}
