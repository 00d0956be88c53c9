/** Parsing of the mirror node's query-string conventions: `op:value` filters, limit, order. */

export type Op = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
export interface Condition {
  op: Op;
  value: bigint;
}

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;
const MAX_FILTER_VALUES = 10;

export class InvalidParameter extends Error {
  constructor(readonly parameter: string) {
    super(`Invalid parameter: ${parameter}`);
  }
}

/** Parses repeated `name=[op:]value` parameters. */
export function parseConditions(
  name: string,
  raw: string[] | undefined,
  parseValue: (text: string) => bigint | undefined,
): Condition[] {
  if (!raw) return [];
  if (raw.length > MAX_FILTER_VALUES) throw new InvalidParameter(name);
  return raw.map((text) => {
    const m = /^(?:(eq|ne|gt|gte|lt|lte):)?(.+)$/.exec(text);
    const value = m ? parseValue(m[2]!) : undefined;
    if (!m || value === undefined) throw new InvalidParameter(name);
    return { op: (m[1] ?? 'eq') as Op, value };
  });
}

export function matches(conditions: Condition[], v: bigint): boolean {
  return conditions.every(({ op, value }) => {
    switch (op) {
      case 'eq':
        return v === value;
      case 'ne':
        return v !== value;
      case 'gt':
        return v > value;
      case 'gte':
        return v >= value;
      case 'lt':
        return v < value;
      default:
        return v <= value;
    }
  });
}

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  if (!/^\d{1,4}$/.test(raw)) throw new InvalidParameter('limit');
  const n = Number(raw);
  if (n < 1) throw new InvalidParameter('limit');
  return Math.min(n, MAX_LIMIT);
}

export function parseOrder(raw: string | undefined, fallback: 'asc' | 'desc'): 'asc' | 'desc' {
  if (raw === undefined) return fallback;
  if (raw !== 'asc' && raw !== 'desc') throw new InvalidParameter('order');
  return raw;
}

export const parseInteger = (text: string): bigint | undefined =>
  /^\d{1,19}$/.test(text) ? BigInt(text) : undefined;

/**
 * The `links.next` URL: the same query with the paging bound moved past the last item returned.
 * Conditions on `key` in the paging direction are replaced; everything else is kept.
 */
export function nextLink(
  path: string,
  params: URLSearchParams,
  key: string,
  order: 'asc' | 'desc',
  lastValue: string,
): string {
  const next = new URLSearchParams();
  for (const [k, v] of params) {
    const directional = order === 'asc' ? /^(gt|gte):/ : /^(lt|lte):/;
    if (k === key && directional.test(v)) continue;
    next.append(k, v);
  }
  next.append(key, `${order === 'asc' ? 'gt' : 'lt'}:${lastValue}`);
  return `${path}?${next.toString().replace(/%3A/gi, ':')}`;
}
