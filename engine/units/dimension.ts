/**
 * Physical dimensions as exponent vectors over a small set of base dimensions. Emission mass (CO2e),
 * acidity (pH) and turbidity (NTU) are their own bases on purpose: a tonne of CO2e is not a tonne of
 * water, and pH is a logarithmic scale that must never mix with anything else.
 */
export const baseDimensions = [
  'length',
  'mass',
  'time',
  'temperature',
  'emission',
  'acidity',
  'turbidity',
] as const;

export type BaseDimension = (typeof baseDimensions)[number];

/** Exponent per base dimension; all zero means dimensionless. */
export type Dimension = Readonly<Record<BaseDimension, number>>;

const symbols: Record<BaseDimension, string> = {
  length: 'm',
  mass: 'kg',
  time: 's',
  temperature: 'K',
  emission: 'kgCO2e',
  acidity: 'pH',
  turbidity: 'NTU',
};

/** The dimensionless dimension ('1', '%'). */
export const dimensionless: Dimension = Object.freeze(makeDimension({}));

/** Builds a dimension from the non-zero exponents. */
export function makeDimension(exponents: Partial<Record<BaseDimension, number>>): Dimension {
  const out = {} as Record<BaseDimension, number>;
  for (const base of baseDimensions) out[base] = exponents[base] ?? 0;
  return Object.freeze(out);
}

/** Dimension of a product: exponents add. */
export function multiplyDimensions(a: Dimension, b: Dimension): Dimension {
  const out = {} as Record<BaseDimension, number>;
  for (const base of baseDimensions) out[base] = a[base] + b[base];
  return Object.freeze(out);
}

/** Dimension of a quotient: exponents subtract. */
export function divideDimensions(a: Dimension, b: Dimension): Dimension {
  const out = {} as Record<BaseDimension, number>;
  for (const base of baseDimensions) out[base] = a[base] - b[base];
  return Object.freeze(out);
}

/** Dimension raised to an integer power. */
export function powerDimension(a: Dimension, exponent: number): Dimension {
  const out = {} as Record<BaseDimension, number>;
  for (const base of baseDimensions) out[base] = a[base] * exponent;
  return Object.freeze(out);
}

export function sameDimension(a: Dimension, b: Dimension): boolean {
  return baseDimensions.every((base) => a[base] === b[base]);
}

export function isDimensionless(a: Dimension): boolean {
  return sameDimension(a, dimensionless);
}

/**
 * Human-readable form in coherent base units, e.g. `kg.m2.s-3` for power, `1` for dimensionless.
 * Used in type-check messages ("MWh + tCO2e: kg.m2.s-2 vs kgCO2e").
 */
export function formatDimension(a: Dimension): string {
  const parts: string[] = [];
  for (const base of baseDimensions) {
    const e = a[base];
    if (e !== 0) parts.push(e === 1 ? symbols[base] : `${symbols[base]}${e}`);
  }
  return parts.length === 0 ? '1' : parts.join('.');
}
