import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from 'mongodb';
import { parsePlant } from '../../engine/plant/index.ts';
import type { Plant, PlantDevice } from '../../engine/plant/plant.ts';
import { parsePolicy } from '../../engine/policy/parse-policy.ts';
import type { CheckedPolicy } from '../../engine/policy/policy-document.ts';
import type { ProjectOverrides } from '../../engine/policy/resolve-parameters.ts';
import { verificationConfigOf } from '../../engine/policy/verification-config-of.ts';
import type { VerificationConfig } from '../../engine/verification/verification-config.ts';
import { deviceStore } from '../../store/device-store.ts';
import { policyStore } from '../../store/policy-store.ts';
import { type Project, projectStore } from '../../store/project-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';
import { registeredPlant } from './registered-plant.ts';

/** Everything activities need about a project's published policy and plant, parsed once. */
export interface ProjectContext {
  project: Project;
  policy: CheckedPolicy;
  policyHash: string;
  overrides: ProjectOverrides;
  /** The plant file with the project's registered devices (active as stored). */
  plant: Plant;
  /** The registry's version the plant and parameters come from; absent: the project record's. */
  registration?: { version: number; credentialId: string };
  verification: VerificationConfig;
}

// Published policy versions are immutable, so a parsed policy can be cached by its hash for the life
// of the worker; plants are re-read (devices change) but parsing them is cheap.
const parsedPolicies = new Map<string, CheckedPolicy>();

function nonRetryable(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, type);
}

export async function loadProjectContext(
  db: Db,
  scope: TenantScope,
  projectId: string,
  /** The plant version in force at this time (a period's start); now by default. */
  at: Date = new Date(),
): Promise<ProjectContext> {
  const project = await projectStore(db).get(scope, projectId);
  if (!project)
    throw nonRetryable('ProjectNotFound', `project ${projectId} does not exist in ${scope.orgId}`);
  let policy = parsedPolicies.get(project.policy.hash);
  if (!policy) {
    const version = await policyStore(db).getVersion(scope, project.policy.versionId);
    if (!version)
      throw nonRetryable('PolicyNotFound', `policy version ${project.policy.versionId} is missing`);
    const parsed = parsePolicy(version.source, version.fileName);
    if (!parsed.policy) {
      throw nonRetryable(
        'PolicyInvalid',
        `published policy ${version._id} no longer checks: ${parsed.problems[0]?.message}`,
      );
    }
    policy = parsed.policy;
    parsedPolicies.set(project.policy.hash, policy);
  }
  // The registry's attested version wins over the project record, which anyone with database
  // access could edit; a project the registry has not registered yet is computed from its record
  // (and its trust chain then fails the auditor's `plant` link).
  const registered = await registeredPlant(db, scope, projectId, at);
  const plantFile = registered?.plant ?? project.plant;
  const overrides = (registered?.parameters ??
    (project as { parameters?: ProjectOverrides }).parameters ??
    {}) as ProjectOverrides;
  const devices = await deviceStore(db).list(scope, { projectId });
  // Meters given at the device's registration, else the plant file's (accuracy class, calibration).
  const described = new Map(
    ((project.plant as { devices?: PlantDevice[] }).devices ?? []).map((d) => [d.device_id, d.meters]),
  );
  const parsedPlant = parsePlant({
    ...plantFile,
    devices: devices.map((d) => {
      const meters = d.meters ?? described.get(d.did);
      return {
        device_id: d.did,
        scope: d.scope,
        active: d.status === 'active',
        ...(meters ? { meters } : {}),
      };
    }),
  });
  if (!parsedPlant.plant) {
    throw nonRetryable('PlantInvalid', `project ${projectId} plant: ${parsedPlant.problems.join('; ')}`);
  }
  return {
    project,
    policy,
    policyHash: project.policy.hash,
    overrides,
    plant: parsedPlant.plant,
    verification: verificationConfigOf(policy, overrides),
    ...(registered
      ? { registration: { version: registered.version, credentialId: registered.credentialId } }
      : {}),
  };
}
