import type { ExpressionIssue } from './check-expression.ts';
import type { PolicyProblem, PolicyProblemCode } from './policy-problem.ts';
import type { SourceLocator, SourcePath } from './source-locator.ts';

/** Collects problems during the semantic checks, resolving each path to a source position once. */
export class ProblemSink {
  readonly problems: PolicyProblem[] = [];

  constructor(
    readonly file: string,
    private readonly locator: SourceLocator,
  ) {}

  /** Reports a problem at the value (or key) at `path`. */
  at(path: SourcePath, code: PolicyProblemCode, message: string, part: 'key' | 'value' = 'value'): void {
    const { line, col } = this.locator.position(path, part);
    this.problems.push({ file: this.file, line, col, code, message });
  }

  /** Reports expression issues at their character inside the expression scalar at `path`. */
  inExpression(path: SourcePath, issues: readonly ExpressionIssue[], what: string): void {
    for (const issue of issues) {
      const { line, col } = this.locator.positionInScalar(path, issue.offset);
      this.problems.push({
        file: this.file,
        line,
        col,
        code: issue.code,
        message: `${what}: ${issue.message}`,
      });
    }
  }
}
