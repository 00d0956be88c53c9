import { type Dimension, dimensionless, makeDimension } from './dimension.ts';

/**
 * One atomic unit symbol. `factor` scales a value to coherent base units (m, kg, s, K, kgCO2e);
 * `offset` is added after scaling for affine scales (Cel → K).
 */
export interface UnitAtom {
  factor: number;
  offset: number;
  dimension: Dimension;
  /** Whether SI prefixes (k, M, G, m, c, u, µ) may be put in front of the symbol. */
  prefixable: boolean;
}

const energy = makeDimension({ mass: 1, length: 2, time: -2 });
const power = makeDimension({ mass: 1, length: 2, time: -3 });
const pressure = makeDimension({ mass: 1, length: -1, time: -2 });
const length = makeDimension({ length: 1 });
const mass = makeDimension({ mass: 1 });
const time = makeDimension({ time: 1 });
const volume = makeDimension({ length: 3 });
const emission = makeDimension({ emission: 1 });

function atom(factor: number, dimension: Dimension, prefixable = false, offset = 0): UnitAtom {
  return Object.freeze({ factor, offset, dimension, prefixable });
}

/**
 * Symbols follow UCUM's case-sensitive forms where one exists (Cel, L, a, min); emission units are
 * the carbon-market spellings (tCO2e, kgCO2e; tCO2 is accepted as a synonym). Adding a unit is one line.
 */
export const unitAtoms: Readonly<Record<string, UnitAtom>> = Object.freeze({
  '1': atom(1, dimensionless),
  '%': atom(0.01, dimensionless),
  m: atom(1, length, true),
  ha: atom(1e4, makeDimension({ length: 2 })),
  L: atom(1e-3, volume, true),
  l: atom(1e-3, volume, true),
  g: atom(1e-3, mass, true),
  t: atom(1e3, mass, true),
  s: atom(1, time, true),
  min: atom(60, time),
  h: atom(3600, time),
  d: atom(86400, time),
  a: atom(365.25 * 86400, time),
  J: atom(1, energy, true),
  Wh: atom(3600, energy, true),
  W: atom(1, power, true),
  Pa: atom(1, pressure, true),
  bar: atom(1e5, pressure, true),
  K: atom(1, makeDimension({ temperature: 1 })),
  Cel: atom(1, makeDimension({ temperature: 1 }), false, 273.15),
  pH: atom(1, makeDimension({ acidity: 1 })),
  NTU: atom(1, makeDimension({ turbidity: 1 })),
  gCO2e: atom(1e-3, emission, true),
  tCO2e: atom(1e3, emission, true),
  gCO2: atom(1e-3, emission, true),
  tCO2: atom(1e3, emission, true),
});

/** SI prefixes we accept; 'h' and 'd' are left out on purpose (hour, day). */
export const unitPrefixes: Readonly<Record<string, number>> = Object.freeze({
  G: 1e9,
  M: 1e6,
  k: 1e3,
  c: 1e-2,
  m: 1e-3,
  u: 1e-6,
  µ: 1e-6,
});

/** Resolves an atomic symbol, possibly prefixed (`kWh`, `mm`, `ktCO2e`); exact symbols win (`min`). */
export function lookupAtom(symbol: string): UnitAtom | undefined {
  const exact = Object.hasOwn(unitAtoms, symbol) ? unitAtoms[symbol] : undefined;
  if (exact) return exact;
  for (const [prefix, scale] of Object.entries(unitPrefixes)) {
    if (!symbol.startsWith(prefix)) continue;
    const rest = symbol.slice(prefix.length);
    const base = Object.hasOwn(unitAtoms, rest) ? unitAtoms[rest] : undefined;
    if (base?.prefixable) return atom(base.factor * scale, base.dimension, false, base.offset);
  }
  return undefined;
}
