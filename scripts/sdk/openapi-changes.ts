type Json = Record<string, any>;

function operations(doc: Json): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, item] of Object.entries((doc.paths as Json) ?? {})) {
    for (const [method, op] of Object.entries(item as Json))
      out.set(op.operationId, `${method.toUpperCase()} ${path}`);
  }
  return out;
}

/**
 * What changed for SDK users between two OpenAPI documents: operations and named schemas added,
 * removed or changed (by their JSON), as CHANGELOG lines.
 */
export function openApiChanges(before: Json, after: Json): string[] {
  const lines: string[] = [];
  const [a, b] = [operations(before), operations(after)];
  for (const [id, where] of b) if (!a.has(id)) lines.push(`- Added operation \`${id}\` (${where})`);
  for (const [id, where] of a) if (!b.has(id)) lines.push(`- Removed operation \`${id}\` (${where})`);
  for (const [id] of b) {
    if (!a.has(id)) continue;
    const [p, m] = [b.get(id)!.split(' ')[1]!, b.get(id)!.split(' ')[0]!.toLowerCase()];
    const [op, old] = [after.paths[p][m], before.paths?.[a.get(id)!.split(' ')[1]!]?.[m]];
    if (JSON.stringify(op) !== JSON.stringify(old)) lines.push(`- Changed operation \`${id}\``);
  }
  const [sa, sb] = [before.components?.schemas ?? {}, after.components?.schemas ?? {}];
  for (const name of Object.keys(sb)) {
    if (!(name in sa)) lines.push(`- Added schema \`${name}\``);
    else if (JSON.stringify(sa[name]) !== JSON.stringify(sb[name]))
      lines.push(`- Changed schema \`${name}\``);
  }
  for (const name of Object.keys(sa)) if (!(name in sb)) lines.push(`- Removed schema \`${name}\``);
  return lines;
}
