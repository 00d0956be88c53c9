import { parseArgs } from 'node:util';
import { computeMethodology, MethodologyError } from '../../engine/methodology/index.ts';
import { parsePlant } from '../../engine/plant/index.ts';
import { formatProblem, PolicyError } from '../../engine/policy/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { loadPolicyFile, readTextFile } from './policy.ts';

export const summary = "methodology compute: apply a policy's methodology to one monitoring period";

const usage =
  'usage: mrv methodology compute --policy <policy.yaml> --plant <plant.json> --eg-mwh <x> [--teg-mwh <y>]';

function energy(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new CliUsageError(`--${flag} must be a non-negative number of MWh, got '${text}'`);
  }
  return value;
}

async function compute(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      policy: { type: 'string' },
      plant: { type: 'string' },
      'eg-mwh': { type: 'string' },
      'teg-mwh': { type: 'string' },
    },
    allowPositionals: false,
  });
  if (!values.policy || !values.plant || values['eg-mwh'] === undefined) throw new CliUsageError(usage);
  const egMwh = energy('eg-mwh', values['eg-mwh'])!;
  const tegMwh = energy('teg-mwh', values['teg-mwh']);
  const { policy, problems } = await loadPolicyFile(values.policy);
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  if (!policy) return 1;
  const plantText = await readTextFile(values.plant);
  if (plantText.text === undefined) {
    process.stderr.write(`${values.plant}: ${plantText.problem!.message}\n`);
    return 1;
  }
  let plantValue: unknown;
  try {
    plantValue = JSON.parse(plantText.text);
  } catch (error) {
    process.stderr.write(`${values.plant}: not JSON: ${(error as Error).message}\n`);
    return 1;
  }
  const parsed = parsePlant(plantValue);
  if (!parsed.plant) {
    for (const p of parsed.problems) process.stderr.write(`${values.plant}: ${p}\n`);
    return 1;
  }
  try {
    const result = computeMethodology({
      policy,
      plant: parsed.plant,
      egMwh,
      ...(tegMwh === undefined ? {} : { tegMwh }),
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MethodologyError || error instanceof PolicyError) {
      process.stderr.write(`mrv methodology compute: ${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'compute') return compute(rest);
  throw new CliUsageError(sub ? `unknown sub-command '${sub}'\n${usage}` : usage);
}
