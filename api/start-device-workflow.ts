import type { Device } from '../store/device-store.ts';
import type { TenantScope } from '../store/tenant-scope.ts';
import type { ApiContext } from './api-context.ts';

/**
 * Starts the device's lifecycle workflow (idempotent: the workflow id derives from the device), whose
 * first step is the policy's registration request to the registry. `readingsAccepted` with no ids is
 * the client's only start (signalWithStart). True when Temporal took it; a failure is logged, not
 * thrown: the device exists, and its first telemetry or lifecycle command starts the workflow again.
 */
export async function startDeviceWorkflow(
  ctx: ApiContext,
  tenant: TenantScope,
  device: Pick<Device, '_id' | 'projectId'>,
): Promise<boolean> {
  try {
    await ctx.workflows.readingsAccepted({
      orgId: tenant.orgId,
      projectId: device.projectId,
      deviceId: device._id,
      readingIds: [],
    });
    return true;
  } catch (error) {
    ctx.logger.warn({ err: error, deviceId: device._id }, 'device workflow not started');
    return false;
  }
}
