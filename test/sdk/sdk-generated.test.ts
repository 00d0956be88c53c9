import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, run } from './live-sdk-server.ts';

describe('generated SDK code', () => {
  it('is up to date with the OpenAPI document (npm run sdk:generate -- --check)', async () => {
    const r = await run(join(root, 'node_modules/.bin/tsx'), [
      join(root, 'scripts/sdk-generate.ts'),
      '--check',
    ]);
    expect(r.code, `${r.err}\nRun npm run sdk:generate and commit sdk/.`).toBe(0);
    expect(r.err).toMatch(/up to date/);
  }, 300_000);
});
