import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import scenarioSchema from '../../../schemas/policy-scenario.schema.json' with { type: 'json' };
import { loadYaml } from '../load-yaml.ts';

let validate: ValidateFunction | undefined;

/**
 * Parses a scenario file (YAML) and checks it against schemas/policy-scenario.schema.json, with the
 * same size, depth and alias limits as policies. The plant may still be a path: the caller loads it.
 */
export function parseScenario(
  source: string,
  fileName: string,
): { value?: Record<string, unknown>; problems: string[] } {
  const loaded = loadYaml(source, fileName);
  if (loaded.problems.length > 0) {
    return { problems: loaded.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message}`) };
  }
  validate ??= new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  }).compile(scenarioSchema);
  if (!validate(loaded.value)) {
    return {
      problems: (validate.errors ?? []).map((e) => {
        const pos = loaded.locator.position(e.instancePath.split('/').slice(1));
        return `${fileName}:${pos.line}:${pos.col}: scenario: ${e.instancePath || '/'} ${e.message}`;
      }),
    };
  }
  return { value: loaded.value as Record<string, unknown>, problems: [] };
}
