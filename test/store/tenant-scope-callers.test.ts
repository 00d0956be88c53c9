import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueTenantScope } from '../../store/tenant-scope.ts';

const root = join(import.meta.dirname, '../..');
const sourceDirs = ['api', 'store', 'workflows', 'cli', 'identity', 'ledger', 'engine', 'stack', 'bench'];

function* files(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** Who may turn an organization id into a TenantScope: the auth module, and the worker's activities. */
const allowed = [
  /^api\/auth\/authenticator\.ts$/,
  // The organization of a refused gateway certificate: its CA verified it, or its record names it.
  /^api\/auth\/audit-certificate-refusal\.ts$/,
  /^store\/tenant-scope\.ts$/,
  // The platform operator (who holds the database, not an API principal) accredits a principal of the
  // organization named on the command line.
  /^cli\/commands\/accredit\.ts$/,
  // The console benchmark seeds 5,000 flagged readings into its own throw-away database.
  /^bench\/console\.ts$/,
  // The chaos drill audits the supply its own throw-away stack minted.
  /^bench\/chaos\/supply-audit\.ts$/,
  /^workflows\/activities\//,
  // The first start of a restored stack (the operator's own data directory, no API principal) hands
  // every organization's unverified readings back to their workflows.
  /^stack\/backup\/resume-after-restore\.ts$/,
];

describe('TenantScope', () => {
  it('is issued only by the auth module (and worker activities)', () => {
    const callers: string[] = [];
    for (const dir of sourceDirs) {
      for (const file of files(join(root, dir))) {
        const rel = relative(root, file).replaceAll('\\', '/');
        if (readFileSync(file, 'utf8').includes('issueTenantScope') && !allowed.some((r) => r.test(rel))) {
          callers.push(rel);
        }
      }
    }
    expect(callers).toEqual([]);
  });

  it('refuses anything that is not an organization id', () => {
    for (const bad of ['', 'org_', 'org_short', '{"$ne":null}', `org_${'a'.repeat(23)}`]) {
      expect(() => issueTenantScope(bad)).toThrow(TypeError);
    }
    expect(issueTenantScope(`org_${'a'.repeat(22)}`).orgId).toBe(`org_${'a'.repeat(22)}`);
  });
});
