import { checkMethodology } from '../methodology/check-methodology.ts';
import { checkDeclarations } from './check-declarations.ts';
import { checkSchema } from './check-schema.ts';
import { checkVerification } from './check-verification.ts';
import { checkWorkflows } from './check-workflows.ts';
import { loadYaml } from './load-yaml.ts';
import type { CheckedPolicy, PolicyDocument } from './policy-document.ts';
import type { PolicyProblem } from './policy-problem.ts';
import { ProblemSink } from './problem-sink.ts';

/**
 * Parses and statically checks a policy: YAML (with size, depth and alias limits, duplicate keys),
 * the JSON Schema, then every semantic check (references, expressions, units, reachability, methodology).
 * Never throws; a policy comes back only when there are no problems.
 *
 * @example
 * const { policy, problems } = parsePolicy(source, 'policies/hydro-ams-i-d.yaml');
 * for (const p of problems) console.error(formatProblem(p));
 */
export function parsePolicy(
  source: string,
  fileName: string,
): { policy?: CheckedPolicy; problems: PolicyProblem[] } {
  const loaded = loadYaml(source, fileName);
  if (loaded.problems.length > 0) return { problems: loaded.problems };
  const value = loaded.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const pos = loaded.locator.position([]);
    return {
      problems: [
        {
          file: fileName,
          ...pos,
          code: 'not-a-policy',
          message: 'a policy is a YAML mapping with language: hydro-mrv/policy@1',
        },
      ],
    };
  }
  const schemaProblems = checkSchema(value, fileName, loaded.locator);
  if (schemaProblems.length > 0) return { problems: sortProblems(schemaProblems) };
  const document = value as PolicyDocument;
  const sink = new ProblemSink(fileName, loaded.locator);
  try {
    checkDeclarations(document, sink);
    checkVerification(document, sink);
    checkWorkflows(document, sink);
    checkMethodology(document, sink);
  } catch (error) {
    // A check that trips over an input nobody anticipated must still not crash the caller.
    sink.at(
      [],
      'schema',
      `internal check failure: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (sink.problems.length > 0) return { problems: sortProblems(sink.problems) };
  return { policy: Object.freeze({ document, fileName, __checked: true as const }), problems: [] };
}

function sortProblems(problems: PolicyProblem[]): PolicyProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}
