import { join, resolve } from 'node:path';

/** Where one gateway's files live: its configuration, the sealed key vault and the buffer. */
export function edgePaths(dataDir: string, keyFile?: string) {
  const dir = resolve(dataDir);
  return {
    dir,
    config: join(dir, 'config.json'),
    vault: join(dir, 'vault.json'),
    keyFile: keyFile ? resolve(keyFile) : join(dir, 'vault.key'),
    buffer: join(dir, 'buffer.db'),
  };
}

export type EdgePaths = ReturnType<typeof edgePaths>;
