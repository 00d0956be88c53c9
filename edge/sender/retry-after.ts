/**
 * Milliseconds to wait from a Retry-After header (seconds or an HTTP date), clamped to [1 s, 1 h];
 * undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - nowMs;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(3_600_000, Math.max(1000, ms));
}
