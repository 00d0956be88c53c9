import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_VERSION } from '../../api/openapi/api-version.ts';
import { root, run, venvPython } from './live-sdk-server.ts';

describe('the SDKs are ready to publish, versioned as the API', () => {
  it('packs the TypeScript SDK (npm pack builds dist/ with types)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sdk-npm-'));
    const r = await run('npm', ['pack', '--json', '--pack-destination', out], {
      cwd: join(root, 'sdk/typescript'),
    });
    expect(r.code, r.err).toBe(0);
    const [pack] = JSON.parse(r.out.slice(r.out.indexOf('['))) as {
      name: string;
      version: string;
      files: { path: string }[];
    }[];
    expect(pack!.name).toBe('@hydro-mrv/sdk');
    expect(pack!.version).toBe(API_VERSION);
    const files = pack!.files.map((f) => f.path);
    for (const f of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/generated/schema.d.ts',
      'README.md',
      'CHANGELOG.md',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('examples/'))).toBe(false);
    rmSync(out, { recursive: true, force: true });
    rmSync(join(root, 'sdk/typescript/dist'), { recursive: true, force: true });
  }, 120_000);

  it('builds the Python wheel and sdist (python -m build)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sdk-py-'));
    const r = await run(venvPython, [
      '-m',
      'build',
      '--no-isolation',
      '--outdir',
      out,
      join(root, 'sdk/python'),
    ]);
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const built = readdirSync(out).sort();
    expect(built).toEqual([
      `hydro_mrv_sdk-${API_VERSION}-py3-none-any.whl`,
      `hydro_mrv_sdk-${API_VERSION}.tar.gz`,
    ]);
    rmSync(out, { recursive: true, force: true });
    for (const d of ['build', 'src/hydro_mrv_sdk.egg-info'])
      rmSync(join(root, 'sdk/python', d), { recursive: true, force: true });
  }, 180_000);

  it('names the Go module path its README gives and the tag to release it under', async () => {
    const r = await run('go', ['list', '-m'], { cwd: join(root, 'sdk/go') });
    expect(r.code, r.err).toBe(0);
    const module = r.out.trim();
    expect(module).toBe('github.com/hydro-mrv/hydro-mrv/sdk/go');
    const readme = readFileSync(join(root, 'sdk/go/README.md'), 'utf8');
    expect(readme).toContain(`go get ${module}`);
    expect(readme).toContain('sdk/go/v<API version>');
    expect(readFileSync(join(root, 'sdk/go/mrv/version.go'), 'utf8')).toContain(`"${API_VERSION}"`);
  });
});
