import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from '../api/support/api-harness.ts';

const exec = promisify(execFile);

describe('mrv audit verify', () => {
  let h: ApiHarness;
  let org: { orgId: string; key: string };
  beforeAll(async () => {
    h = await startApiHarness('audit_cli');
    org = await registerOrganization(h.app());
    for (let i = 0; i < 3; i++) await createKey(h.app(), org.key, ['readings:read'], `k${i}`);
    await call(h.app(), 'GET', '/v1/api-keys', { key: org.key });
  });
  afterAll(async () => await h?.close());

  async function verify(): Promise<{
    code: number;
    lines: { ok: boolean; records: number; problems: { problem: string }[] }[];
  }> {
    const env = { ...process.env, MONGODB_DB: h.mongo.db.databaseName };
    try {
      const { stdout } = await exec('node', ['bin/mrv.js', 'audit', 'verify', '--org', org.orgId], { env });
      return {
        code: 0,
        lines: stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      };
    } catch (error) {
      const e = error as { code: number; stdout: string };
      return {
        code: e.code,
        lines: e.stdout
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      };
    }
  }

  it('reports an intact chain with exit 0', async () => {
    const result = await verify();
    expect(result.code).toBe(0);
    expect(result.lines[0]).toMatchObject({ ok: true, records: 4 });
  });

  it('detects an edited record, and a deleted one, with exit 1', async () => {
    const log = h.mongo.db.collection('audit_log');
    await log.updateOne({ orgId: org.orgId, seq: 2 }, { $set: { status: 200 } });
    const edited = await verify();
    expect(edited.code).toBe(1);
    expect(edited.lines[0]!.problems.map((p) => p.problem)).toContain('hash-mismatch');
    await log.deleteOne({ orgId: org.orgId, seq: 4 });
    const truncated = await verify();
    expect(truncated.lines[0]!.problems.map((p) => p.problem)).toContain('truncated');
  });

  it('refuses usage errors with exit 2', async () => {
    await expect(exec('node', ['bin/mrv.js', 'audit', 'frobnicate'])).rejects.toMatchObject({ code: 2 });
  });
});
