/**
 * The shape of a policy file once it has passed `schemas/policy.schema.json`. The schema is the source
 * of truth; these types mirror it for the compiler (a table of types, kept beside the schema on purpose).
 */
export type WorkflowName = 'device_lifecycle' | 'reading_review' | 'period_issuance';
export const workflowNames: readonly WorkflowName[] = [
  'device_lifecycle',
  'reading_review',
  'period_issuance',
];

export type FieldTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'datetime' | 'did' | 'hash';
export type FieldType =
  | FieldTypeName
  | { type: FieldTypeName; unit?: string; enum?: string[]; description?: string };

export interface ParameterDecl {
  unit: string;
  default: number;
  min?: number;
  max?: number;
  overridable?: boolean;
  description?: string;
}

export interface CredentialDecl {
  description?: string;
  fields: Record<string, FieldType>;
  required?: string[];
}

/** A number, or the name of a parameter. */
export type NumberOrParameter = number | string;

export interface VerificationDecl {
  thresholds: { approve: NumberOrParameter; reject: NumberOrParameter };
  rules?: Record<
    string,
    { enabled?: boolean; weight?: NumberOrParameter; params?: Record<string, NumberOrParameter> }
  >;
  efficiency_bands: Record<string, { min: NumberOrParameter; max: NumberOrParameter }>;
  /** Calibration intervals per meter type and what a lapse does (docs/verification.md, Calibration). */
  calibration?: CalibrationDecl;
}

export interface CalibrationDecl {
  /** ISO 8601 durations in weeks/days (e.g. P730D) per meter type. */
  intervals: Record<string, string>;
  on_lapse: 'flag' | 'reject';
  /** A metered type the intervals name but whose meter has no calibration record (default ignore). */
  on_missing?: 'ignore' | 'flag' | 'reject';
  /** The role whose holder approves an uploaded calibration certificate. */
  approver_role: string;
}

/** A bare action name, or `{ name: params }`. */
export type ActionDecl = string | Record<string, Record<string, string | number | boolean>>;

export interface TransitionDecl {
  target?: string;
  guard?: string;
  actions?: ActionDecl[];
  description?: string;
}
export type TransitionsDecl = string | TransitionDecl | TransitionDecl[];

export interface StateDecl {
  description?: string;
  final?: boolean;
  entry?: ActionDecl[];
  exit?: ActionDecl[];
  on?: Record<string, TransitionsDecl>;
  after?: Record<string, TransitionsDecl>;
}

export interface EventDecl {
  description?: string;
  roles: string[];
  payload?: Record<string, FieldType>;
}

export interface WorkflowDecl {
  description?: string;
  initial: string;
  events: Record<string, EventDecl>;
  states: Record<string, StateDecl>;
}

export interface InputDecl {
  unit: string;
  source: string;
  default?: number;
  min?: number;
  max?: number;
  description?: string;
}

export interface FormulaDecl {
  unit: string;
  expr: string;
  description?: string;
}

export interface MethodologyDecl {
  id: string;
  version: string;
  source: string;
  description?: string;
  inputs: Record<string, InputDecl>;
  formulas: Record<string, FormulaDecl>;
  eligibility?: { id: string; require: string; reason: string }[];
  token: { symbol: string; name: string; decimals: number; unit: string };
  mint: { amount: string; rounding: 'floor' };
}

export interface PolicyDocument {
  language: 'hydro-mrv/policy@1';
  id: string;
  version: string;
  title: string;
  description?: string;
  roles: Record<string, { description?: string }>;
  parameters: Record<string, ParameterDecl>;
  credentials: Record<string, CredentialDecl>;
  verification: VerificationDecl;
  workflows: Record<WorkflowName, WorkflowDecl>;
  methodology: MethodologyDecl;
  anchoring: { mode: 'per_document' | 'merkle_batch'; batch_size?: number; interval?: string };
}

/**
 * A policy that passed every static check. `document` is the parsed YAML (the hashed form);
 * the brand keeps unchecked documents out of the compiler.
 */
export interface CheckedPolicy {
  readonly document: PolicyDocument;
  readonly fileName: string;
  readonly __checked: true;
}

/** Normalizes a field type shorthand into its object form. */
export function fieldTypeOf(field: FieldType): { type: FieldTypeName; unit?: string; enum?: string[] } {
  return typeof field === 'string' ? { type: field } : field;
}

/** Normalizes a transitions shorthand into a list of transition objects. */
export function transitionsOf(decl: TransitionsDecl): TransitionDecl[] {
  if (typeof decl === 'string') return [{ target: decl }];
  return Array.isArray(decl) ? decl : [decl];
}

/** Splits an action into its name and parameters. */
export function actionOf(decl: ActionDecl): {
  name: string;
  params: Record<string, string | number | boolean>;
} {
  if (typeof decl === 'string') return { name: decl, params: {} };
  const [name, params] = Object.entries(decl)[0] ?? ['', {}];
  return { name, params: params ?? {} };
}
