import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAsset, isSea } from 'node:sea';
import { fileURLToPath } from 'node:url';
import { EdgeError } from './edge-error.ts';
import type { EdgeTemplate } from './edge-template.ts';
import { parseTemplate } from './load-template.ts';

/** The templates shipped in edge/templates, by name (the single executable carries them as assets). */
export const BUILTIN_TEMPLATES = [
  'abb-a44',
  'advantech-adam-6017-4-20ma',
  'csv-historian-export',
  'generic-flowmeter-modbus',
  'http-historian-json',
  'janitza-b23',
  'mqtt-hydro-json',
  'mrv-synthetic-plant',
  'opcua-hydro-scada',
  'sel-700g-user-map',
  'siemens-pac2200',
  'socomec-countis-e4x',
] as const;

function builtinDir(): string | undefined {
  try {
    return fileURLToPath(new URL('../templates/', import.meta.url));
  } catch {
    return undefined;
  }
}

/**
 * Finds a template by name: the site's own directories first (a plant may fix a map), then the
 * built-in ones. Every template is validated against schemas/edge-template.schema.json on load.
 */
export function loadTemplate(name: string, dirs: readonly string[] = []): EdgeTemplate {
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(name))
    throw new EdgeError('TEMPLATE_INVALID', `bad template name '${name}'`);
  for (const dir of dirs) {
    for (const ext of ['.yaml', '.yml', '.json']) {
      const path = join(dir, name + ext);
      if (existsSync(path)) return parseTemplate(readFileSync(path, 'utf8'), path);
    }
  }
  if (isSeaSafe()) {
    try {
      return parseTemplate(getAsset(`templates/${name}.yaml`, 'utf8'), name);
    } catch (error) {
      if (error instanceof EdgeError) throw error;
    }
  }
  const dir = builtinDir();
  const path = dir ? join(dir, `${name}.yaml`) : undefined;
  if (path && existsSync(path)) return parseTemplate(readFileSync(path, 'utf8'), path);
  throw new EdgeError('TEMPLATE_INVALID', `no template '${name}' (built-in: ${builtinNames().join(', ')})`);
}

export function builtinNames(): string[] {
  const dir = builtinDir();
  if (dir && existsSync(dir))
    return readdirSync(dir)
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => n.slice(0, -5))
      .sort();
  return [...BUILTIN_TEMPLATES];
}

function isSeaSafe(): boolean {
  try {
    return isSea();
  } catch {
    return false;
  }
}
