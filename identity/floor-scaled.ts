/**
 * floor(value × 10^decimals) computed exactly from the number's shortest decimal form (what the signed
 * JSON says), never through binary floating point: 758.1 × 1000 must give 758100, not 758099.
 */
export function floorScaled(value: number, decimals: number): bigint {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError('value must be a finite, non-negative number');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 18)
    throw new RangeError('decimals must be 0..18');
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new RangeError(`cannot read ${value} as a decimal`);
  const fraction = m[2] ?? '';
  const digits = BigInt(`${m[1]}${fraction}`);
  const exponent = Number(m[3] ?? 0) - fraction.length + decimals;
  return exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits / 10n ** BigInt(-exponent);
}
