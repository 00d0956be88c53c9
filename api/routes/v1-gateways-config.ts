import type { Hono } from 'hono';
import { deviceStore } from '../../store/device-store.ts';
import { gatewayStore } from '../../store/gateway-store.ts';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { gatewayEdgeConfigSchema } from '../pki/gateway-agent-schemas.ts';
import { mountRoute } from '../route.ts';

/**
 * `GET /v1/gateways/{gatewayId}/config`: the configuration the edge agent runs, for the gateway's own
 * certificate (over mutual TLS, right after enrollment) or an admin. Connection secrets are in it, so
 * no other credential reads it.
 */
export function registerGatewaysConfig(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const gateways = gatewayStore(ctx.db);
  const devices = deviceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/gateways/{gatewayId}/config',
      operationId: 'getGatewayConfig',
      summary: "The edge agent's configuration (the gateway's own certificate, or admin)",
      tag: 'Gateways',
      auth: 'any',
      params: { gatewayId: idSchema('gw') },
      responses: { 200: { description: 'The agent configuration', schema: gatewayEdgeConfigSchema } },
      secretResponse: true,
    },
    async (c, { params, principal }) => {
      const own = principal.certificate?.gatewayId === params.gatewayId;
      if (!own && (principal.kind === 'client_certificate' || !principal.scopes.includes('admin'))) {
        throw new ApiError(
          'FORBIDDEN_SCOPE',
          "this needs the gateway's own certificate or the 'admin' scope",
        );
      }
      const gateway = await gateways.get(principal.tenant, params.gatewayId!);
      if (!gateway) throw new ApiError('NOT_FOUND', `no gateway ${params.gatewayId}`);
      if (gateway.status !== 'active')
        throw new ApiError('INVALID_STATE', `the gateway is ${gateway.status}`);
      if (!gateway.agent) {
        throw new ApiError('INVALID_STATE', 'the gateway has no agent plan (POST /v1/gateways with `agent`)');
      }
      const configured = [];
      let projectId: string | undefined;
      for (const spec of gateway.agent.devices) {
        const device = await devices.get(principal.tenant, spec.device_id);
        if (!device) continue;
        projectId = device.projectId;
        configured.push({ ...spec, ref: spec.ref ?? device._id, did: device.did, scope: device.scope });
      }
      const project = projectId ? await projectStore(ctx.db).get(principal.tenant, projectId) : null;
      if (!project) throw new ApiError('INVALID_STATE', "the gateway's devices no longer exist");
      const { devices: _listed, ...plant } = project.plant as Record<string, unknown>;
      c.header('cache-control', 'no-store');
      return c.json({
        version: 1,
        gateway_id: gateway._id,
        org_id: principal.tenant.orgId,
        project_id: project._id,
        plant,
        interval_s: gateway.agent.interval_s ?? 60,
        devices: configured,
      });
    },
  );
}
