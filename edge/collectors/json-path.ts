/**
 * A number at a dot path in parsed JSON (`data.flow.value`, `items.0.v`); a numeric string counts.
 * Anything else — missing, null, an object — is undefined (a gap, never zero).
 */
export function numberAt(json: unknown, path: string | undefined): number | undefined {
  let node: unknown = json;
  for (const key of path ? path.split('.') : []) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const value = typeof node === 'string' && node.trim() !== '' ? Number(node) : node;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
