import { deviceStore } from '../../store/device-store.ts';
import type { GatewayAgent } from '../../store/gateway-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';
import type { ApiContext } from '../api-context.ts';
import { ApiError } from '../errors.ts';

/**
 * The agent plan may only read for devices of this gateway, each once, all of one project (one
 * agent applies one plant's bounds at the edge); a second project needs a second gateway.
 */
export async function checkGatewayAgent(
  ctx: ApiContext,
  tenant: TenantScope,
  deviceIds: readonly string[],
  agent: GatewayAgent,
): Promise<void> {
  const devices = deviceStore(ctx.db);
  const seen = new Set<string>();
  const refs = new Set<string>();
  const projects = new Set<string>();
  for (const [i, d] of agent.devices.entries()) {
    const pointer = `/agent/devices/${i}`;
    const refuse = (message: string): never => {
      throw new ApiError('VALIDATION_FAILED', message, { errors: [{ in: 'body', pointer, message }] });
    };
    if (!deviceIds.includes(d.device_id)) refuse(`${d.device_id} is not in device_ids`);
    if (seen.has(d.device_id)) refuse(`${d.device_id} appears twice`);
    seen.add(d.device_id);
    const ref = d.ref ?? d.device_id;
    if (refs.has(ref)) refuse(`ref ${ref} appears twice`);
    refs.add(ref);
    const device = await devices.get(tenant, d.device_id);
    if (device) projects.add(device.projectId);
  }
  if (projects.size > 1) {
    throw new ApiError('VALIDATION_FAILED', 'the agent reads devices of one project only', {
      errors: [{ in: 'body', pointer: '/agent/devices', message: `projects: ${[...projects].join(', ')}` }],
    });
  }
}
