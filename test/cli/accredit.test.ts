import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialStore } from '../../store/credential-store.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';

const exec = promisify(execFile);
const org = 'org_accreditTest0000000000';

describe('mrv accredit', () => {
  let mongo: MongoHandle;
  const masterKey = randomBytes(32).toString('base64');
  beforeAll(async () => {
    mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('accredit_cli') });
  });
  afterAll(async () => {
    await mongo?.db.dropDatabase();
    await mongo?.close();
  });

  async function mrv(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, MONGODB_DB: mongo.db.databaseName, MRV_MASTER_KEY: masterKey };
    try {
      const { stdout, stderr } = await exec('node', ['bin/mrv.js', 'accredit', ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('accredits a principal once, by an authority that is not the organization', async () => {
    const first = await mrv('--org', org, '--actor', 'key_v1', '--role', 'verifier');
    expect(first.code, first.stderr).toBe(0);
    const made = JSON.parse(first.stdout) as { did: string; authority: string; credentialId: string };
    expect(made.did).toMatch(/^did:key:z6Mk/);
    expect(made.authority).not.toBe(made.did);
    const again = JSON.parse((await mrv('--org', org, '--actor', 'key_v1', '--role', 'verifier')).stdout);
    expect(again).toEqual(made);
    expect(JSON.parse((await mrv('--authority')).stdout)).toEqual({ authority: made.authority });
    const stored = await credentialStore(mongo.db).list(issueTenantScope(org), { type: 'RoleAccreditation' });
    expect(stored.map((c) => [c.credential.issuer, c.credential.credentialSubject])).toEqual([
      [made.authority, { id: made.did, role: 'verifier' }],
    ]);
  });

  it('refuses a role, organization or actor it does not know with a usage error', async () => {
    for (const args of [
      ['--org', org, '--actor', 'key_v1', '--role', 'admin'],
      ['--org', 'acme', '--actor', 'key_v1', '--role', 'verifier'],
      ['--org', org, '--role', 'verifier'],
    ]) {
      const r = await mrv(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage: mrv accredit/);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
