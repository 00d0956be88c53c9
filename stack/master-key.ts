import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The embedded stack's master key (wraps private keys at rest): MRV_MASTER_KEY when set, otherwise
 * generated once into `<dataDir>/master.key` with mode 0600 and reused on every later start.
 */
export function ensureMasterKey(options: { configured?: string; file: string }): string {
  if (options.configured) return options.configured;
  if (existsSync(options.file)) return readFileSync(options.file, 'utf8').trim();
  mkdirSync(dirname(options.file), { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(options.file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
