/**
 * `npm run sdk:changelog -- <git-ref>`: prepends to sdk/CHANGELOG.md (and each SDK's copy) a section
 * for the current API version listing what changed in sdk/openapi.json since <git-ref> (default: the
 * last commit that touched it). Run after `npm run sdk:generate` when the API version is bumped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_VERSION } from '../api/openapi/api-version.ts';
import { openApiChanges } from './sdk/openapi-changes.ts';

const root = join(import.meta.dirname, '..');
const ref = process.argv[2] ?? 'HEAD';
let before: Record<string, unknown> = {};
try {
  before = JSON.parse(
    execFileSync('git', ['show', `${ref}:sdk/openapi.json`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
} catch {
  // No earlier document: everything is new.
}
const after = JSON.parse(readFileSync(join(root, 'sdk/openapi.json'), 'utf8'));
const changes = openApiChanges(before, after);
const file = join(root, 'sdk/CHANGELOG.md');
// Earlier sections stay; this version's section is replaced when the command is run again.
const earlier = (existsSync(file) ? readFileSync(file, 'utf8') : '')
  .split(/^(?=## )/m)
  .filter((s) => s.startsWith('## ') && !s.startsWith(`## ${API_VERSION} `));
const section = `## ${API_VERSION} (${new Date().toISOString().slice(0, 10)})\n\n${changes.length ? changes.join('\n') : '- No API changes'}\n\n`;
const text = `# Changelog\n\nGenerated from the OpenAPI document by \`npm run sdk:changelog\`; one section per API version.\n\n${section}${earlier.join('')}`;
for (const out of [
  'sdk/CHANGELOG.md',
  'sdk/typescript/CHANGELOG.md',
  'sdk/python/CHANGELOG.md',
  'sdk/go/CHANGELOG.md',
]) {
  writeFileSync(join(root, out), text.replace(/\n+$/, '\n'));
}
process.stderr.write(`sdk: CHANGELOG section ${API_VERSION}: ${changes.length} change(s) since ${ref}\n`);
