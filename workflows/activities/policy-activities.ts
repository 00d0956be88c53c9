import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from 'mongodb';
import type { DeviceMeter } from '../../engine/plant/plant.ts';
import { isoDurationMs } from '../../engine/policy/iso-duration.ts';
import { deviceStore } from '../../store/device-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import type { PinnedPolicy } from '../definitions/compiled-policy-cache.ts';
import { loadProjectContext } from './project-context.ts';

export interface ProjectPolicy {
  policy: PinnedPolicy;
  plantId: string;
  anchoring: { mode: 'per_document' | 'merkle_batch'; batchSize: number; intervalMs: number };
}

export interface DeviceContext extends ProjectPolicy {
  did: string;
  scope: string;
  /** The device's meters (registration, else plant file): the DeviceRegistration credential states them. */
  meters?: DeviceMeter[];
}

/** What a workflow pins when it starts: the project's published policy version and its settings. */
export function createPolicyActivities(deps: { db: Db }) {
  async function projectPolicy(orgId: string, projectId: string): Promise<ProjectPolicy> {
    const ctx = await loadProjectContext(deps.db, issueTenantScope(orgId), projectId);
    const anchoring = ctx.policy.document.anchoring;
    return {
      policy: { hash: ctx.policyHash, document: ctx.policy.document, overrides: { ...ctx.overrides } },
      plantId: ctx.project.plantId,
      anchoring: {
        mode: anchoring.mode,
        batchSize: anchoring.mode === 'per_document' ? 1 : (anchoring.batch_size ?? 256),
        intervalMs: (anchoring.interval ? isoDurationMs(anchoring.interval) : undefined) ?? 3_600_000,
      },
    };
  }
  return {
    loadProjectPolicy: (input: { orgId: string; projectId: string }) =>
      projectPolicy(input.orgId, input.projectId),

    async loadDeviceContext(input: {
      orgId: string;
      projectId: string;
      deviceId: string;
    }): Promise<DeviceContext> {
      const device = await deviceStore(deps.db).get(issueTenantScope(input.orgId), input.deviceId);
      if (!device || device.projectId !== input.projectId) {
        throw ApplicationFailure.nonRetryable(
          `device ${input.deviceId} is not in project ${input.projectId}`,
          'DeviceNotFound',
        );
      }
      const scope = issueTenantScope(input.orgId);
      const plant = (await loadProjectContext(deps.db, scope, input.projectId)).plant;
      const meters = (plant.devices ?? []).find((d) => d.device_id === device.did)?.meters;
      return {
        ...(await projectPolicy(input.orgId, input.projectId)),
        did: device.did,
        scope: device.scope,
        ...(meters && meters.length > 0 ? { meters } : {}),
      };
    },
  };
}
