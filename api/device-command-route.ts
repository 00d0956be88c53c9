import type { Hono } from 'hono';
import { deviceStore } from '../store/device-store.ts';
import { projectStore } from '../store/project-store.ts';
import { type DeviceCommand, deviceCommandEvents } from '../workflows/definitions/messages.ts';
import type { ApiContext } from './api-context.ts';
import { idSchema } from './api-schemas.ts';
import { callWorkflow } from './call-workflow.ts';
import { deviceJson, deviceSchema } from './device-view.ts';
import type { ApiEnv } from './env.ts';
import { ApiError } from './errors.ts';
import { namedSchema } from './openapi/named-schema.ts';
import { actorFor } from './policy-actor.ts';
import { policyOfProject } from './policy-of-project.ts';
import { mountRoute } from './route.ts';

const deviceCommandResultSchema = namedSchema('DeviceCommandResult', {
  type: 'object',
  properties: {
    ...(deviceSchema.properties as object),
    event: { type: 'string', description: 'The policy event sent' },
    acted_as: { type: 'string', description: 'The role it was sent as' },
    workflow_status: { type: 'string', description: 'Present when the workflow has applied it' },
  },
  required: [...(deviceSchema.required as string[]), 'event', 'acted_as'],
});

import { startDeviceWorkflow } from './start-device-workflow.ts';

/** How long a command waits for the workflow's answer before answering 202. */
const WORKFLOW_WAIT_MS = 10_000;

/**
 * Shared body of the device lifecycle routes (approve, reject, suspend, reactivate, decommission).
 * The device workflow is the authority: the command goes to it as the `deviceCommand` update, sent
 * as the role the project's policy needs for the event (`actorFor`), and the workflow's own checks
 * (role, state) decide. The workflow mirrors the resulting status onto the device record, which is
 * what telemetry acceptance reads; this route only reports it. Route auth is any credential: the
 * policy's roles, not API scopes, say who may move a device.
 */
export function mountDeviceCommandRoute(
  app: Hono<ApiEnv>,
  ctx: ApiContext,
  options: {
    command: DeviceCommand['command'];
    summary: string;
    reasonRequired?: boolean;
    /** approve: the registry may state from when the registration is in force. */
    effectiveFrom?: boolean;
  },
): void {
  const devices = deviceStore(ctx.db);
  const projects = projectStore(ctx.db);
  mountRoute<{ reason?: string; effective_from?: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: `/v1/devices/{deviceId}/${options.command}`,
      operationId: `${options.command}Device`,
      summary: options.summary,
      description:
        `Sends the policy's event for '${options.command}' (the first of ` +
        `${deviceCommandEvents[options.command].join(', ')} the policy declares) to the device workflow, ` +
        'as the role the policy requires. 403 when the credential holds none of its roles or the ' +
        'workflow refuses the role; 409 when the device is not in a state that allows it.',
      tag: 'Devices',
      auth: 'any',
      params: { deviceId: idSchema('dev') },
      body: {
        kind: 'json',
        schema: {
          type: 'object',
          properties: {
            reason: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' },
            ...(options.effectiveFrom
              ? {
                  effective_from: {
                    type: 'string',
                    format: 'date-time',
                    maxLength: 40,
                    description:
                      'From when the DeviceRegistration is in force (default: now); may precede today ' +
                      'for readings the device took before its approval',
                  },
                }
              : {}),
          },
          ...(options.reasonRequired ? { required: ['reason'] } : {}),
          additionalProperties: false,
        },
      },
      responses: {
        200: {
          description: 'The workflow applied the command; the device after it',
          schema: deviceCommandResultSchema,
        },
        202: {
          description: 'The workflow accepted the command and is still applying it',
          schema: deviceCommandResultSchema,
        },
      },
    },
    async (c, { params, body, principal }) => {
      const device = await devices.get(principal.tenant, params.deviceId!);
      if (!device) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      const project = await projects.get(principal.tenant, device.projectId);
      if (!project) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      const policy = await policyOfProject(ctx, principal.tenant, project);
      const lifecycle = policy.workflows.device_lifecycle;
      const event = deviceCommandEvents[options.command].find((e) => Object.hasOwn(lifecycle.events, e));
      if (!event) {
        throw new ApiError('INVALID_STATE', `the project's policy has no event for '${options.command}'`);
      }
      const actor = actorFor(principal, { policy, workflow: 'device_lifecycle', event });
      const answer = await callWorkflow(
        ctx.workflows.deviceCommand({
          orgId: principal.tenant.orgId,
          deviceId: device._id,
          command: options.command,
          reason: body.reason ?? '',
          actor,
          ...(body.effective_from ? { effectiveFrom: new Date(body.effective_from).toISOString() } : {}),
        }),
        WORKFLOW_WAIT_MS,
      );
      if (answer.answered && answer.value === null) {
        // A device registered before its workflow could be started: start it now (idempotent).
        await startDeviceWorkflow(ctx, principal.tenant, device);
        throw new ApiError(
          'INVALID_STATE',
          'the device workflow was not running and has been started; retry',
          {
            headers: { 'retry-after': '2' },
          },
        );
      }
      const after = (await devices.get(principal.tenant, device._id)) ?? device;
      // The worker's device-status step revoked the device's gateway certificates (also when this
      // route answers 202); this instance stops accepting them at once, others within their bound.
      if (after.status !== 'active') await ctx.pki.cache.refreshNow();
      const json = { ...deviceJson(after), event, acted_as: actor.role };
      return answer.answered ? c.json({ ...json, workflow_status: answer.value!.status }) : c.json(json, 202);
    },
  );
}
