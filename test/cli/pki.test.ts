import { execFile } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { x509 } from '../../pki/x509-provider.ts';
import { enrollCertificate, setUpGateway, startMtlsHarness } from '../api/pki/mtls-harness.ts';

const exec = promisify(execFile);

describe('mrv pki', () => {
  let h: Awaited<ReturnType<typeof startMtlsHarness>>;
  let inst: Awaited<ReturnType<typeof h.instance>>;
  const masterKey = randomBytes(32).toString('base64');
  beforeAll(async () => {
    h = await startMtlsHarness('pki_cli', { masterKey });
    inst = await h.instance();
  }, 60_000);
  afterAll(async () => await h?.close());

  async function mrv(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, MONGODB_DB: h.harness.mongo.db.databaseName, MRV_MASTER_KEY: masterKey };
    try {
      const { stdout, stderr } = await exec('node', ['bin/mrv.js', 'pki', ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('creates the CA, lists certificates, revokes one and shows it in the CRL', async () => {
    const g = await setUpGateway(inst.app);
    const created = await mrv('create-ca', '--org', g.org.orgId);
    expect(created.code, created.stderr).toBe(0);
    const ca = JSON.parse(created.stdout);
    expect(new X509Certificate(ca.ca_pem).ca).toBe(true);
    // Idempotent: the same CA again.
    expect(JSON.parse((await mrv('create-ca', '--org', g.org.orgId)).stdout).key_id).toBe(ca.key_id);
    const cert = await enrollCertificate(inst.app, g, { token: g.token });
    const listed = (await mrv('list', '--org', g.org.orgId)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(listed.map((c) => c.sha256)).toEqual([cert.sha256]);
    const revoked = await mrv('revoke', '--org', g.org.orgId, '--sha256', cert.sha256, '--reason', 'lost');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(JSON.parse(revoked.stdout).revoked).toBe(1);
    const crl = new x509.X509Crl((await mrv('crl', '--org', g.org.orgId)).stdout);
    expect(crl.entries.map((e) => e.serialNumber.toLowerCase())).toEqual([listed[0].serial]);
    expect(
      (await mrv('revoke', '--org', g.org.orgId, '--sha256', cert.sha256, '--reason', 'again')).code,
    ).toBe(1);
  });

  it('refuses bad arguments with usage', async () => {
    for (const args of [
      [],
      ['list'],
      ['list', '--org', 'nope'],
      ['revoke', '--org', 'org_0000000000000000000000', '--sha256', 'xyz', '--reason', 'r'],
      ['frobnicate', '--org', 'org_0000000000000000000000'],
    ]) {
      const res = await mrv(...args);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('usage: mrv pki');
    }
    expect((await mrv('crl', '--org', 'org_0000000000000000000000')).code).toBe(1);
  });
});
