import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { SchemaValidator } from './schema-validator.ts';

/** The integration templates the edge agent ships (edge/templates/*.yaml): content, not code. */
export const templatesRoot = resolve(import.meta.dirname, '../edge/templates');

/** What the provisioning wizard shows of a template: who made the meter, the manual, the sensors. */
export interface EdgeTemplateSummary {
  name: string;
  manufacturer: string;
  model: string;
  equipment: string | null;
  protocol: string;
  source: { manual: string; url: string | null; verified: boolean; note: string | null };
  sensors: { sensor_id: string; type: string; unit: string }[];
}

interface TemplateFile {
  template: string;
  manufacturer: string;
  model: string;
  equipment?: string;
  protocol: string;
  source: { manual: string; url?: string; verified: boolean; note?: string };
  points: { sensor_id: string; type: string; unit: string }[];
}

/**
 * Reads and validates (schemas/edge-template.schema.json, the edge agent's own contract) every shipped
 * template once. The API reads the files as data rather than importing edge/, which runs on gateways;
 * a file that does not validate is a broken release, so it fails loudly instead of being left out.
 */
export function loadEdgeTemplateCatalog(
  validator: SchemaValidator,
  root = templatesRoot,
): EdgeTemplateSummary[] {
  return readdirSync(root)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const value = parse(readFileSync(resolve(root, file), 'utf8'), { maxAliasCount: 50 }) as unknown;
      const problems = validator.validateFile('edge-template.schema.json', value);
      if (problems.length > 0)
        throw new Error(
          `edge/templates/${file}: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`,
        );
      const t = value as TemplateFile;
      return {
        name: t.template,
        manufacturer: t.manufacturer,
        model: t.model,
        equipment: t.equipment ?? null,
        protocol: t.protocol,
        source: {
          manual: t.source.manual,
          url: t.source.url ?? null,
          verified: t.source.verified,
          note: t.source.note ?? null,
        },
        sensors: t.points.map((p) => ({ sensor_id: p.sensor_id, type: p.type, unit: p.unit })),
      };
    });
}

let shipped: EdgeTemplateSummary[] | undefined;

/** The shipped catalog, read once per process (release content: it cannot change while we run). */
export function edgeTemplateCatalog(validator: SchemaValidator): EdgeTemplateSummary[] {
  shipped ??= loadEdgeTemplateCatalog(validator);
  return shipped;
}
