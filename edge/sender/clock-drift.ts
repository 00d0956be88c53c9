/**
 * The local clock's offset from the server's `Date` header, in seconds (positive: we are ahead).
 * The Date header has 1 s resolution, so offsets under ~2 s are noise.
 */
export function clockDriftS(dateHeader: string | string[] | undefined, localMs: number): number | undefined {
  const value = Array.isArray(dateHeader) ? dateHeader[0] : dateHeader;
  const serverMs = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(serverMs) ? Math.round((localMs - serverMs) / 1000) : undefined;
}
