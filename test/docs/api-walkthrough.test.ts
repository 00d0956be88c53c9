import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';

const root = join(import.meta.dirname, '../..');

/** The numbered steps of docs/api/README.md that carry a runnable `sh` block, in order. */
function walkthroughSteps(markdown: string): { title: string; script: string }[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((section) => ({
      title: section.slice(0, section.indexOf('\n')).trim(),
      script: [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]).join('\n'),
    }))
    .filter((s) => s.script.trim().length > 0);
}

function runBash(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    // Asynchronous on purpose: the API server answering these requests runs in this process.
    const child = spawn('bash', ['-c', script], { env: { ...process.env, ...env }, cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

describe('docs/api walkthrough against a live API server and worker', () => {
  let h: PipelineHarness;
  let server: ServerType;
  let api: string;
  const steps = walkthroughSteps(readFileSync(join(root, 'docs/api/README.md'), 'utf8'));

  beforeAll(async () => {
    h = await startPipelineHarness('api_walkthrough');
    await h.startWorker();
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: h.app().fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const address = server.address();
    api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 180_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await h?.close();
  });

  it('documents at least ten runnable steps from onboarding to the trust chain', () => {
    const titles = steps.map((s) => s.title);
    expect(titles.length).toBeGreaterThanOrEqual(11);
    for (const topic of ['organization', 'policy', 'project', 'device', 'Approve', 'telemetry', 'Review']) {
      expect(titles.some((t) => t.includes(topic))).toBe(true);
    }
    expect(titles.at(-2)).toMatch(/trust chain/);
  });

  it('runs every step against the server: each answers as the walkthrough says', async () => {
    // One shell, so variables carry from step to step; a marker after each step shows how far it got.
    const script = ['set -euo pipefail', ...steps.map((s, i) => `${s.script}\necho "::done ${i}"`)].join(
      '\n',
    );
    const { code, out, err } = await runBash(script, {
      API: api,
      MIRROR: h.network.mirrorRestUrl,
      REPO: root,
      ...h.operatorEnv,
    });
    const done = [...out.matchAll(/^::done (\d+)$/gm)].map((m) => Number(m[1]));
    const failed = steps[done.length];
    expect(
      { failedStep: failed?.title ?? null, code },
      `stderr:\n${err.slice(-3000)}\nstdout:\n${out.slice(-3000)}`,
    ).toEqual({ failedStep: null, code: 0 });
    expect(done).toEqual(steps.map((_, i) => i));
  }, 900_000);
});
