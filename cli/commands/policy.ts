import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type CheckedPolicy,
  diffPolicies,
  formatDifference,
  formatProblem,
  mermaidOf,
  type PolicyProblem,
  parsePolicy,
  policyHash,
  workflowNames,
  yamlLimits,
} from '../../engine/policy/index.ts';
import {
  compareOutcome,
  parseScenario,
  runScenario,
  type Scenario,
} from '../../engine/policy/scenario/index.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary = 'policy validate|test|graph|diff: check, test and inspect MRV policies';

const usage = `usage:
  mrv policy validate <file>...
  mrv policy test <policy.yaml> [--json]
  mrv policy graph <policy.yaml> [--workflow <name>]
  mrv policy diff <a.yaml> <b.yaml>`;

/** Reads a file as UTF-8 text within the policy size limit; anything unreadable becomes a problem. */
export async function readTextFile(file: string): Promise<{ text?: string; problem?: PolicyProblem }> {
  const problem = (code: PolicyProblem['code'], message: string) => ({
    problem: { file, line: 1, col: 1, code, message },
  });
  try {
    const info = await stat(file);
    if (!info.isFile()) return problem('unreadable', 'not a regular file');
    if (info.size > yamlLimits.maxChars * 4) {
      return problem(
        'too-large',
        `file has ${info.size} bytes; the limit is ${yamlLimits.maxChars} characters`,
      );
    }
    const bytes = await readFile(file);
    if (bytes.includes(0)) return problem('not-a-policy', 'binary content (NUL bytes): not a YAML policy');
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof TypeError) return problem('not-a-policy', 'not UTF-8 text');
    return problem(
      'unreadable',
      code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? String(error)}`,
    );
  }
}

/** Loads and checks a policy file: the policy, or every problem found. */
export async function loadPolicyFile(
  file: string,
): Promise<{ policy?: CheckedPolicy; problems: PolicyProblem[] }> {
  const { text, problem } = await readTextFile(file);
  if (text === undefined) return { problems: [problem!] };
  return parsePolicy(text, file);
}

async function validate(files: string[]): Promise<number> {
  if (files.length === 0) throw new CliUsageError(`validate needs at least one file\n${usage}`);
  let failed = 0;
  for (const file of files) {
    const { problems } = await loadPolicyFile(file);
    for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
    if (problems.length > 0) failed += 1;
  }
  process.stderr.write(
    failed === 0
      ? `${files.length} policy file(s) valid\n`
      : `${failed} of ${files.length} policy file(s) invalid\n`,
  );
  return failed === 0 ? 0 : 1;
}

async function requirePolicy(file: string): Promise<CheckedPolicy | undefined> {
  const { policy, problems } = await loadPolicyFile(file);
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  return policy;
}

async function loadScenario(file: string): Promise<{ scenario?: Scenario; problems: string[] }> {
  const { text, problem } = await readTextFile(file);
  if (text === undefined) return { problems: [formatProblem(problem!)] };
  const { value, problems } = parseScenario(text, file);
  if (!value) return { problems };
  if (typeof value.plant === 'string') {
    const plantFile = resolve(dirname(file), value.plant);
    const plant = await readTextFile(plantFile);
    if (plant.text === undefined) return { problems: [formatProblem(plant.problem!)] };
    try {
      value.plant = JSON.parse(plant.text);
    } catch (error) {
      return { problems: [`${plantFile}: not JSON: ${(error as Error).message}`] };
    }
  }
  return { scenario: value as unknown as Scenario, problems: [] };
}

async function test(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new CliUsageError(`test needs one policy file\n${usage}`);
  const file = positionals[0]!;
  const policy = await requirePolicy(file);
  if (!policy) return 1;
  const dir = join(dirname(file), 'fixtures', basename(file, extname(file)));
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    names = [];
  }
  if (names.length === 0) {
    process.stderr.write(`mrv policy test: no scenarios in ${dir}\n`);
    return 1;
  }
  const results: { file: string; name: string; passed: boolean; failures: string[]; outcome?: unknown }[] =
    [];
  for (const name of names) {
    const scenarioFile = join(dir, name);
    const { scenario, problems } = await loadScenario(scenarioFile);
    let failures = problems;
    let outcome: ReturnType<typeof runScenario> | undefined;
    if (scenario) {
      try {
        outcome = runScenario(policy, scenario);
        failures = compareOutcome(scenario.expect, outcome);
        if (failures.length > 0) failures.push(...outcome.log.map((l) => `(trace) ${l}`));
      } catch (error) {
        failures = [`scenario could not run: ${error instanceof Error ? error.message : String(error)}`];
      }
    }
    results.push({
      file: scenarioFile,
      name: scenario?.name ?? name,
      passed: failures.length === 0,
      outcome,
      failures,
    });
  }
  const passed = results.filter((r) => r.passed).length;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ policy: file, hash: policyHash(policy), passed, failed: results.length - passed, results })}\n`,
    );
  } else {
    for (const r of results) {
      process.stdout.write(`${r.passed ? 'ok  ' : 'FAIL'} ${r.file}: ${r.name}\n`);
      for (const f of r.failures) process.stdout.write(`     ${f}\n`);
    }
    process.stderr.write(`${passed} of ${results.length} scenario(s) passed\n`);
  }
  return passed === results.length ? 0 : 1;
}

async function graph(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { workflow: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new CliUsageError(`graph needs one policy file\n${usage}`);
  const wanted = values.workflow;
  if (wanted !== undefined && !(workflowNames as readonly string[]).includes(wanted)) {
    throw new CliUsageError(`unknown workflow '${wanted}' (one of ${workflowNames.join(', ')})`);
  }
  const policy = await requirePolicy(positionals[0]!);
  if (!policy) return 1;
  if (wanted) {
    process.stdout.write(mermaidOf(policy, wanted as (typeof workflowNames)[number]));
    return 0;
  }
  for (const name of workflowNames)
    process.stdout.write(`## ${name}\n\n\`\`\`mermaid\n${mermaidOf(policy, name)}\`\`\`\n\n`);
  return 0;
}

async function diff(args: string[]): Promise<number> {
  if (args.length !== 2) throw new CliUsageError(`diff needs two policy files\n${usage}`);
  const [a, b] = await Promise.all(args.map((f) => requirePolicy(f)));
  if (!a || !b) return 2;
  const ha = policyHash(a);
  const hb = policyHash(b);
  process.stdout.write(
    `a: ${a.document.id}@${a.document.version} ${ha}\nb: ${b.document.id}@${b.document.version} ${hb}\n`,
  );
  if (ha === hb) {
    process.stdout.write('no semantic differences\n');
    return 0;
  }
  for (const d of diffPolicies(a.document, b.document)) process.stdout.write(`${formatDifference(d)}\n`);
  if (a.document.id === b.document.id && a.document.version === b.document.version) {
    process.stderr.write(
      `warning: content differs but the version is still ${a.document.version}; a published version is immutable, bump it\n`,
    );
  }
  return 1;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'validate':
      return validate(rest);
    case 'test':
      return test(rest);
    case 'graph':
      return graph(rest);
    case 'diff':
      return diff(rest);
    default:
      throw new CliUsageError(sub ? `unknown sub-command '${sub}'\n${usage}` : usage);
  }
}
