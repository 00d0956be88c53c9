import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until it resolves truthy or `timeoutMs` passes. Returns the last error for the
 * caller's message; a child that exits early should make `probe` throw `abort`.
 */
export async function waitUntil(options: {
  probe: () => Promise<boolean>;
  timeoutMs: number;
  intervalMs?: number;
  aborted?: () => string | undefined;
}): Promise<{ ok: boolean; lastError?: unknown; abortedBecause?: string }> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const abortedBecause = options.aborted?.();
    if (abortedBecause) return { ok: false, lastError, abortedBecause };
    try {
      if (await options.probe()) return { ok: true };
    } catch (error) {
      lastError = error;
    }
    await sleep(options.intervalMs ?? 200);
  }
  return { ok: false, lastError };
}
