import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edgePaths } from '../../edge/cli/edge-paths.ts';
import { keygenCommand } from '../../edge/cli/keygen-command.ts';
import { loadGateway } from '../../edge/cli/load-gateway.ts';
import { main } from '../../edge/cli/mrv-edge.ts';
import { pairCommand, parsePairingInput } from '../../edge/cli/pair-command.ts';
import { createKeyVault } from '../../edge/keys/key-vault.ts';

describe('mrv-edge CLI inputs', () => {
  const TOKEN = `mrv_enr_org_${'a'.repeat(22)}_${'b'.repeat(43)}`;
  const QR = {
    v: 1,
    kind: 'gateway',
    api_url: 'https://a.example',
    mtls_url: 'https://a.example:8443',
    org_id: `org_${'a'.repeat(22)}`,
    gateway_id: 'gw_x',
    device_dids: ['did:key:z6Mkx'],
    enrollment_token: TOKEN,
  };

  it("takes issue 15's pairing payload or a bare enrollment token with --api and --gateway; refuses anything else clearly", () => {
    expect(parsePairingInput(JSON.stringify(QR))).toEqual({
      apiUrl: 'https://a.example',
      mtlsUrl: 'https://a.example:8443',
      gatewayId: 'gw_x',
      token: TOKEN,
      deviceDids: ['did:key:z6Mkx'],
    });
    expect(parsePairingInput(` ${TOKEN} `, { apiUrl: 'http://api', gatewayId: 'gw_y' })).toMatchObject({
      apiUrl: 'http://api',
      mtlsUrl: null,
      gatewayId: 'gw_y',
      token: TOKEN,
    });
    expect(() => parsePairingInput(TOKEN)).toThrow(/needs --api/);
    expect(() => parsePairingInput('mrvgw1.x', { apiUrl: 'http://api', gatewayId: 'gw_y' })).toThrow(
      /nor an enrollment token/,
    );
    expect(() => parsePairingInput('{"v":2}')).toThrow(/v: 1/);
    expect(() => parsePairingInput(JSON.stringify({ ...QR, kind: 'device' }))).toThrow(/kind/);
    expect(() => parsePairingInput('{not json')).toThrow(/not JSON/);
  });

  it('pairing without device keys, without mTLS, or against an unreachable or non-http API fails with PAIRING_FAILED', async () => {
    const paths = edgePaths(mkdtempSync(join(tmpdir(), 'edge-cli-')));
    const pairing = parsePairingInput(JSON.stringify(QR));
    await expect(pairCommand({ pairing, paths })).rejects.toThrow(/keygen/);
    const [did] = keygenCommand({ paths, count: 1 });
    expect(did).toMatch(/^did:key:z6Mk/);
    await expect(pairCommand({ pairing, paths })).rejects.toThrow(/no key here: did:key:z6Mkx/);
    const own = { ...pairing, deviceDids: [did!] };
    await expect(pairCommand({ pairing: { ...own, mtlsUrl: null }, paths })).rejects.toThrow(/MTLS_PORT/);
    await expect(
      pairCommand({ pairing: { ...own, apiUrl: 'http://127.0.0.1:1' }, paths }),
    ).rejects.toMatchObject({ code: 'PAIRING_FAILED', message: /cannot reach/ });
    await expect(pairCommand({ pairing: { ...own, apiUrl: 'file:///etc/passwd' }, paths })).rejects.toThrow(
      /not an http/,
    );
    expect(() => keygenCommand({ paths, count: 0 })).toThrow(/--count/);
    // keygen adds keys; the earlier ones stay.
    keygenCommand({ paths, count: 2 });
    expect(
      Object.keys(createKeyVault({ path: paths.vault, keyFile: paths.keyFile }).open().devices),
    ).toHaveLength(3);
  });

  it('a missing, damaged or hostile configuration and a wrong vault key are clear errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-cli-'));
    const paths = edgePaths(dir);
    expect(() => loadGateway(paths)).toThrow(/pair first/);
    writeFileSync(paths.config, '{"version": 1,');
    expect(() => loadGateway(paths)).toThrow(/not JSON/);
    writeFileSync(paths.config, JSON.stringify({ version: 2, devices: [{}], interval_s: 1 }));
    expect(() => loadGateway(paths)).toThrow(/version must be 1.*interval_s.*plant is missing.*devices\[0\]/);
    writeFileSync(paths.config, 'x'.repeat(2 * 1024 * 1024));
    expect(() => loadGateway(paths)).toThrow(/over/);
    const vault = createKeyVault({ path: paths.vault, keyFile: paths.keyFile });
    vault.seal({ api_key: 'k', devices: {} });
    expect(vault.open().api_key).toBe('k');
    writeFileSync(paths.keyFile, Buffer.alloc(32, 7));
    expect(() => vault.open()).toThrow(/does not open/);
    const sealed = createKeyVault({
      path: join(dir, 'p.json'),
      keyFile: paths.keyFile,
      passphrase: 'correct horse',
    });
    sealed.seal({ api_key: 'k2', devices: {} });
    expect(() => createKeyVault({ path: join(dir, 'p.json'), keyFile: paths.keyFile }).open()).toThrow(
      /MRV_EDGE_PASSPHRASE/,
    );
    expect(() =>
      createKeyVault({ path: join(dir, 'p.json'), keyFile: paths.keyFile, passphrase: 'wrong' }).open(),
    ).toThrow(/does not open/);
  });

  it('usage and unknown commands answer with exit code 2', async () => {
    expect(await main([])).toBe(2);
    expect(await main(['frobnicate', '--data', tmpdir()])).toBe(2);
    expect(await main(['status', '--data', mkdtempSync(join(tmpdir(), 'edge-cli-'))])).toBe(0);
  });
});
