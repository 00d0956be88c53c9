import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { DrillResult } from '../../bench/chaos/run-drill.ts';

/** Runs `bench/chaos.ts` as `npm run chaos` does, in its short form; resolves with its JSON and exit code. */
function runShortDrill(): Promise<{
  code: number | null;
  result: DrillResult & { failures: string[] };
  stderr: string;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/chaos.ts'], {
      env: { ...process.env, CHAOS_SHORT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ code, result: JSON.parse(line), stderr: err });
      } catch {
        reject(new Error(`no JSON from the drill (exit ${code}).\nstdout:\n${out}\nstderr:\n${err}`));
      }
    });
  });
}

describe('the whole-system chaos drill (short)', () => {
  it('loses no 2xx reading, duplicates no HCS message or mint and mints the recomputed supply while every component is killed -9', async () => {
    const { code, result, stderr } = await runShortDrill();
    console.info(`chaos drill (short): ${JSON.stringify(result)}`);
    expect(result.failures, stderr).toEqual([]);
    expect(code).toBe(0);
    expect(result.readings_2xx).toBeGreaterThan(0);
    expect(result.readings_lost).toBe(0);
    expect(result.duplicate_messages).toBe(0);
    expect(result.hcs_messages).toBeGreaterThan(0);
    expect(result.duplicate_mints).toBe(0);
    expect(result.supply_exact).toBe(true);
    expect(result.minted).toBeGreaterThan(0);
    for (const fault of ['api', 'worker', 'ferretdb', 'temporal', 'hedera', 'all']) {
      expect(result.recovery_s[fault], fault).toBeTypeOf('number');
    }
    // CI runs as root, so the store's tmpfs is mounted and the disk really fills up.
    expect(result.disk_full.run).toBe(true);
    expect(result.clock_jump.forward_1y?.error_rules).toContain('time.future');
    expect(result.clock_jump.backward_30min?.error_rules).toContain('time.duplicate_interval');
  }, 480_000);
});
