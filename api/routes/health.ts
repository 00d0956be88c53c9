import type { Hono } from 'hono';

export interface DependencyCheck {
  name: string;
  /** Resolves when the dependency is usable; throws with a reason otherwise. */
  check(): Promise<unknown>;
}

interface CheckResult {
  status: 'up' | 'down';
  latency_ms: number;
  error?: string;
}

async function runCheck(dependency: DependencyCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dependency.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'down',
      latency_ms: Math.round(performance.now() - started),
      error: message.slice(0, 300),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz`: the process answers. `/readyz`: every dependency answers, each reported on its own. */
export function registerHealthRoutes(
  app: Hono,
  options: { checks: DependencyCheck[]; timeoutMs?: number },
): void {
  const startedAt = Date.now();
  app.get('/healthz', (c) => c.json({ status: 'ok', uptime_s: Math.round((Date.now() - startedAt) / 1000) }));
  app.get('/readyz', async (c) => {
    const results = await Promise.all(options.checks.map((d) => runCheck(d, options.timeoutMs ?? 3000)));
    const checks = Object.fromEntries(options.checks.map((d, i) => [d.name, results[i]]));
    const ready = results.every((r) => r.status === 'up');
    return c.json({ status: ready ? 'ready' : 'not_ready', checks }, ready ? 200 : 503);
  });
}
