// Writes kubeconform-ready ("standalone") JSON schemas for the kinds the given manifests use, from the
// schemas the PyPI package kubernetes-validate ships. Those point every definition at one shared
// `/api/_definitions.json`, which kubeconform's loader cannot follow; so each kind's schema gets the
// definitions it reaches (transitively) inlined under `$defs`.
//   npx tsx scripts/standalone-k8s-schemas.ts <source dir> <target dir> <manifest.yaml>…
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const [source, target, ...manifests] = process.argv.slice(2);
if (!source || !target || manifests.length === 0) {
  process.stderr.write('usage: standalone-k8s-schemas.ts <source dir> <target dir> <manifest.yaml>…\n');
  process.exit(2);
}
const prefix = '/api/_definitions.json#/$defs/';
const definitions = (
  JSON.parse(readFileSync(join(source, '_definitions.json'), 'utf8')) as { $defs: Record<string, Json> }
).$defs;

/** The schema with `/api/_definitions.json#/$defs/X` refs made local, and the names it refers to. */
function localize(node: Json, refs: Set<string>): Json {
  if (Array.isArray(node)) return node.map((n) => localize(n, refs));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.startsWith(prefix) ? value.slice(prefix.length) : value.replace(/^#\/\$defs\//, '');
      refs.add(name);
      out[key] = `#/$defs/${name}`;
    } else out[key] = localize(value, refs);
  }
  return out;
}

/** `apps/v1` Deployment → deployment-apps-v1.json; `v1` ConfigMap → configmap-v1.json. */
function fileOf(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const groupPart = group ? `-${group.split('.')[0]}` : '';
  return `${kind.toLowerCase()}${groupPart}-${version}.json`;
}

const kinds = new Set<string>();
for (const file of manifests) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const { apiVersion, kind } = (doc.toJS() ?? {}) as { apiVersion?: string; kind?: string };
    if (apiVersion && kind && kind !== 'Kustomization') kinds.add(fileOf(apiVersion, kind));
  }
}
mkdirSync(target, { recursive: true });
for (const file of kinds) {
  const refs = new Set<string>();
  const schema = localize(JSON.parse(readFileSync(join(source, file), 'utf8')) as Json, refs) as Record<
    string,
    Json
  >;
  const defs: Record<string, Json> = {};
  for (let pending = [...refs]; pending.length > 0; ) {
    const name = pending.pop()!;
    if (name in defs) continue;
    const found = new Set<string>();
    defs[name] = localize(definitions[name] ?? {}, found);
    pending.push(...[...found].filter((n) => !(n in defs)));
  }
  writeFileSync(join(target, file), JSON.stringify({ ...schema, $defs: defs }));
}
process.stdout.write(`${kinds.size} schemas: ${[...kinds].sort().join(', ')}\n`);
