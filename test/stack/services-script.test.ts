import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function runServicesScript(env: NodeJS.ProcessEnv) {
  return spawnSync('bash', ['scripts/services.sh', 'install'], { env, encoding: 'utf8', timeout: 60_000 });
}

describe('scripts/services.sh', () => {
  it('says what to do when the Go toolchain is missing', () => {
    const tools = mkdtempSync(join(tmpdir(), 'mrv-tools-'));
    try {
      const { MONGODB_URI: _m, TEMPORAL_ADDRESS: _t, LOG_STORE_URL: _l, ...env } = process.env;
      const result = runServicesScript({ ...env, MRV_TOOLS_DIR: tools, PATH: '/usr/bin:/bin' });
      expect(result.status).toBe(3);
      expect(result.stderr).toContain("'go' is not on PATH");
      expect(result.stderr).toContain('MONGODB_URI');
      expect(result.stderr).toContain('TEMPORAL_ADDRESS');
      expect(result.stderr).toContain('LOG_STORE_URL');
    } finally {
      rmSync(tools, { recursive: true, force: true });
    }
  });

  it('installs nothing when every service is external', () => {
    const tools = mkdtempSync(join(tmpdir(), 'mrv-tools-'));
    try {
      const result = runServicesScript({
        ...process.env,
        MRV_TOOLS_DIR: tools,
        PATH: '/usr/bin:/bin',
        MONGODB_URI: 'mongodb://db.example:27017',
        TEMPORAL_ADDRESS: 'temporal.example:7233',
        LOG_STORE_URL: 'http://logs.example:9428',
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('MONGODB_URI is set');
      expect(result.stdout).toContain('TEMPORAL_ADDRESS is set');
      expect(result.stdout).toContain('LOG_STORE_URL is set');
    } finally {
      rmSync(tools, { recursive: true, force: true });
    }
  });

  it('is fast and quiet when the servers are already installed', () => {
    const result = runServicesScript({
      ...process.env,
      MONGODB_URI: '',
      TEMPORAL_ADDRESS: '',
      LOG_STORE_URL: '',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
