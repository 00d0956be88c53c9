import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, call, startApiHarness } from '../api/support/api-harness.ts';

// DESIGN.md: web/ may use the public HTTP API only — no store, no workflows, nothing of ours outside
// web/. Biome's noRestrictedImports (biome.json) catches the obvious cases as you type; this test is
// the complete check: every import resolved, every API path the console calls found in /openapi.json.

const web = resolve(import.meta.dirname, '../../web');
/** The console's own libraries (package.json); anything else needs a reason to be added here. */
const packages = ['preact', 'htm', 'uplot', 'codemirror', '@codemirror/', 'mermaid'];
/** The build configuration runs in Node under Vite, not in the console. */
const buildOnly: Record<string, string[]> = { 'vite.config.ts': ['vite', 'node:url'] };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|js|mjs|html)$/.test(e.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.html')) return [...text.matchAll(/\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Where an import may not lead: outside web/, or to a package that is not the console's. */
function refusal(file: string, specifier: string): string | undefined {
  const name = relative(web, file);
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = specifier.startsWith('/') ? join(web, specifier) : resolve(dirname(file), specifier);
    return relative(web, target).startsWith('..') ? `${name} imports ${specifier}, outside web/` : undefined;
  }
  if (buildOnly[name]?.includes(specifier)) return undefined;
  const allowed = packages.some((p) =>
    p.endsWith('/') ? specifier.startsWith(p) : specifier === p || specifier.startsWith(`${p}/`),
  );
  return allowed ? undefined : `${name} imports ${specifier}, not one of the console's packages`;
}

/** Every `/v1/…` path the console builds, as segments; a `${…}` segment matches any one segment. */
function apiPaths(file: string): string[][] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[][] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) {
      text = node.head.text;
      for (const span of node.templateSpans) {
        // A placeholder glued to a segment (`/v1/reviews${query(...)}`) is the query string.
        text += /[^/]$/.test(text) && span.literal.text === '' ? '' : `\u0000${span.literal.text}`;
      }
    }
    if (text?.startsWith('/v1/')) found.push(text.split(/[?#]/)[0]!.split('/').slice(1));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('web/ uses the public API only', () => {
  const files = sources(web);

  it('imports nothing of ours outside web/ and only the console packages', () => {
    expect(files.length).toBeGreaterThan(10);
    const refused = files.flatMap((f) =>
      importsOf(f)
        .map((s) => refusal(f, s))
        .filter(Boolean),
    );
    expect(refused).toEqual([]);
  });

  it('flags an import of the store, the workflows or a server library', () => {
    const file = join(web, 'src/pages/x.ts');
    expect(refusal(file, '../../../store/reading-store.ts')).toMatch(/outside web/);
    expect(refusal(file, '../../../workflows/shared.ts')).toMatch(/outside web/);
    expect(refusal(file, 'mongodb')).toMatch(/not one of/);
    expect(refusal(file, '@temporalio/client')).toMatch(/not one of/);
    expect(refusal(file, '../parts/states.ts')).toBeUndefined();
    expect(refusal(file, '@codemirror/view')).toBeUndefined();
  });

  describe('calls only documented routes', () => {
    let harness: ApiHarness;
    beforeAll(async () => {
      harness = await startApiHarness('web-public-api');
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('finds every /v1 path the console calls in /openapi.json', async () => {
      const doc = (await call(harness.app(), 'GET', '/openapi.json')).json as {
        paths: Record<string, unknown>;
      };
      const documented = Object.keys(doc.paths).map((p) => p.split('/').slice(1));
      const matches = (used: string[], spec: string[]) =>
        used.length === spec.length &&
        used.every((seg, i) => seg.includes('\u0000') || /^\{\w+\}$/.test(spec[i]!) || seg === spec[i]);
      const used = files.filter((f) => f.endsWith('.ts')).flatMap(apiPaths);
      expect(used.length).toBeGreaterThan(20);
      const undocumented = used
        .filter((u) => !documented.some((d) => matches(u, d)))
        .map((u) => `/${u.join('/')}`);
      expect(undocumented).toEqual([]);
    });
  });
});
