export { type ActionName, type ActionSpec, actionCatalog, statusesOf, systemRole } from './action-catalog.ts';
export { checkEvent } from './check-event.ts';
export { type CompiledExpression, checkExpression, type ExpressionIssue } from './check-expression.ts';
export { checkPublication, type PublishedVersion } from './check-publication.ts';
export { type CompiledPolicy, type CompiledWorkflow, compilePolicy } from './compile-policy.ts';
export { type ClaimValue, claimsFor } from './credential-claims.ts';
export { credentialSubjectSchema } from './credential-subject-schema.ts';
export {
  type CredentialTypeName,
  credentialSubjectSchemas,
  credentialTypes,
} from './credential-subject-schemas.ts';
export type { ExpressionScope, ScalarType } from './expression-environment.ts';
export type { PolicyEvent } from './guard-function.ts';
export { isoDurationMs } from './iso-duration.ts';
export { yamlLimits } from './load-yaml.ts';
export { parsePolicy } from './parse-policy.ts';
export { diffPolicies, formatDifference, type PolicyDifference } from './policy-diff.ts';
export type { CheckedPolicy, PolicyDocument, WorkflowName } from './policy-document.ts';
export { workflowNames } from './policy-document.ts';
export { PolicyError, type PolicyErrorCode } from './policy-error.ts';
export { mermaidOf } from './policy-graph.ts';
export { policyHash } from './policy-hash.ts';
export { formatProblem, type PolicyProblem, type PolicyProblemCode } from './policy-problem.ts';
export { type ProjectOverrides, resolveParameters } from './resolve-parameters.ts';
export {
  type PolicyEffect,
  persistSnapshot,
  restoreSnapshot,
  type StepResult,
  startWorkflow,
  stepWorkflow,
} from './step-workflow.ts';
export { verificationConfigOf } from './verification-config-of.ts';
