/**
 * Where the third-party conformance material is: `$MRV_CONFORMANCE_DIR`, else `shared/conformance` beside
 * the checkout (`<checkout>/../shared/conformance`, as CI lays it out) or beside one of its parents (a
 * worktree under `rooms/`). It is never copied into the repository; its absence fails the test loudly.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHECKOUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export function conformanceDir(): string {
  const fromEnv = process.env.MRV_CONFORMANCE_DIR;
  const candidates = fromEnv
    ? [path.resolve(fromEnv)]
    : [1, 2, 3].map((up) => path.resolve(CHECKOUT, ...Array(up).fill('..'), 'shared', 'conformance'));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'project.mjs')));
  if (!found) {
    throw new Error(
      `conformance material not found (looked for project.mjs in ${candidates.join(', ')}): ` +
        'lay out shared/conformance beside the checkout, or set MRV_CONFORMANCE_DIR',
    );
  }
  return found;
}
