import type { Hono } from 'hono';
import { calibrationStore } from '../../store/calibration-store.ts';
import { deviceStore } from '../../store/device-store.ts';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { decisionBodySchema, idSchema } from '../api-schemas.ts';
import { calibrationJson, calibrationSchema } from '../calibration-schemas.ts';
import { callWorkflow } from '../call-workflow.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { policyOfProject } from '../policy-of-project.ts';
import { mountRoute } from '../route.ts';

const WORKFLOW_WAIT_MS = 15_000;

/**
 * `POST /v1/devices/{deviceId}/calibrations/{calibrationId}/decision`: the policy's calibration
 * approver (`verification.calibration.approver_role`) approves or rejects a certificate. The decision
 * goes to the device workflow as the `calibrationDecision` Update, which checks the role, issues and
 * anchors the MeterCalibration credential on approval, and records the decision.
 */
export function registerDevicesCalibrationsDecide(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const devices = deviceStore(ctx.db);
  const projects = projectStore(ctx.db);
  const calibrations = calibrationStore(ctx.db);
  mountRoute<{ decision: 'approve' | 'reject'; reason: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/devices/{deviceId}/calibrations/{calibrationId}/decision',
      operationId: 'decideCalibration',
      summary: 'Approve or reject a calibration certificate',
      tag: 'Calibrations',
      auth: 'review:write',
      params: { deviceId: idSchema('dev'), calibrationId: idSchema('cal') },
      body: { kind: 'json', schema: decisionBodySchema },
      responses: {
        200: { description: 'The device workflow recorded the decision', schema: calibrationSchema },
        202: {
          description: 'The workflow accepted the decision and is still recording it',
          schema: calibrationSchema,
        },
      },
    },
    async (c, { params, body, principal }) => {
      const device = await devices.get(principal.tenant, params.deviceId!);
      if (!device) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      const calibration = await calibrations.get(principal.tenant, params.calibrationId!);
      if (!calibration || calibration.deviceId !== device._id) {
        throw new ApiError('NOT_FOUND', `no calibration ${params.calibrationId} of this device`);
      }
      if (calibration.status !== 'submitted') {
        throw new ApiError('INVALID_STATE', `the calibration is already ${calibration.status}`);
      }
      const project = await projects.get(principal.tenant, device.projectId);
      if (!project) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      const policy = await policyOfProject(ctx, principal.tenant, project);
      const role = policy.verification.calibration?.approver_role;
      if (!role) throw new ApiError('INVALID_STATE', "the project's policy has no calibration section");
      if (!principal.roles.includes(role)) {
        throw new ApiError('FORBIDDEN_ROLE', `the policy lets ${role} decide calibrations`, {
          extensions: { required_roles: [role], roles: principal.roles },
        });
      }
      const answer = await callWorkflow(
        ctx.workflows.calibrationDecision({
          orgId: principal.tenant.orgId,
          deviceId: device._id,
          calibrationId: calibration._id,
          decision: body.decision,
          reason: body.reason,
          reviewer: { id: principal.keyId, role },
        }),
        WORKFLOW_WAIT_MS,
      );
      if (answer.answered && !answer.value)
        throw new ApiError('INVALID_STATE', 'the device workflow is not running');
      const after = (await calibrations.get(principal.tenant, calibration._id)) ?? calibration;
      return c.json({ ...calibrationJson(after), acted_as: role }, answer.answered ? 200 : 202);
    },
  );
}
