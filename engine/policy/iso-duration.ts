const pattern =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Longest timer a policy may set: about ten years. */
const MAX_MS = 3650 * 86_400_000;

/**
 * Milliseconds of an ISO 8601 duration made of fixed-length parts (weeks, days, hours, minutes,
 * seconds). Years and months are refused: their length depends on the calendar, and a durable timer
 * must mean the same thing on every replay. Returns undefined for anything else.
 *
 * @example
 * isoDurationMs('P7D') // 604800000
 * isoDurationMs('PT1H30M') // 5400000
 * isoDurationMs('P1M') // undefined
 */
export function isoDurationMs(duration: string): number | undefined {
  const m = pattern.exec(duration);
  if (!m || m[1] !== undefined || m[2] !== undefined) return undefined;
  const [w, d, h, min, s] = [m[3], m[4], m[5], m[6], m[7]].map((x) => (x === undefined ? 0 : Number(x)));
  const ms = ((((w! * 7 + d!) * 24 + h!) * 60 + min!) * 60 + s!) * 1000;
  return ms > 0 && ms <= MAX_MS ? ms : undefined;
}
