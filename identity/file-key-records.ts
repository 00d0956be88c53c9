import { createHash } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IdentityError } from './identity-error.ts';
import type { KeyRecord, KeyRecordRepository } from './key-store.ts';

/**
 * Sealed key records as one JSON file each in a directory (the embedded default, e.g. `.data/keys`).
 * Inserts are exclusive (hard link of a finished temp file) and claims are atomic (rename), so two
 * processes can never both create, or both claim, the same key.
 */
export function createFileKeyRecords(options: { dir: string }): KeyRecordRepository {
  const { dir } = options;
  const pathOf = (orgId: string, keyId: string) =>
    join(dir, `${createHash('sha256').update(`${orgId}\u0000${keyId}`).digest('hex')}.json`);
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => {
    ready ??= mkdir(dir, { recursive: true, mode: 0o700 });
    return ready;
  };
  const unique = () => `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  async function read(path: string): Promise<KeyRecord | undefined> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as KeyRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new IdentityError('KEY_STORE_CORRUPT', `unreadable key record ${path}`, { cause: error });
    }
  }

  return {
    async insert(record) {
      await ensureDir();
      const final = pathOf(record.orgId, record.keyId);
      const temp = `${final}.${unique()}.tmp`;
      await writeFile(temp, JSON.stringify(record), { mode: 0o600 });
      try {
        await link(temp, final);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new IdentityError('KEY_EXISTS', `key '${record.keyId}' already exists`);
        }
        throw error;
      } finally {
        await unlink(temp);
      }
    },

    async find(orgId, keyId) {
      const record = await read(pathOf(orgId, keyId));
      return record && record.orgId === orgId && record.keyId === keyId ? record : undefined;
    },

    async claim(orgId, keyId) {
      await ensureDir();
      const final = pathOf(orgId, keyId);
      const current = await read(final);
      if (current?.state !== 'awaiting-claim' || current.orgId !== orgId) return undefined;
      // Whoever renames the file away first owns the claim; everyone else finds it gone.
      const taken = `${final}.${unique()}.claim`;
      try {
        await rename(final, taken);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      const before = await read(taken);
      if (before?.state !== 'awaiting-claim') {
        await rename(taken, final);
        return undefined;
      }
      const { sealed: _dropped, ...rest } = before;
      const temp = `${final}.${unique()}.tmp`;
      await writeFile(temp, JSON.stringify({ ...rest, state: 'claimed' }), { mode: 0o600 });
      await rename(temp, final);
      await unlink(taken);
      return before;
    },
  };
}
