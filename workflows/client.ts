import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { clientObservability } from '../observability/temporal/worker-observability.ts';
import {
  type Actor,
  type CalibrationDecision,
  calibrationDecisionUpdate,
  closeNowSignal,
  type DeviceCommand,
  deviceCommandUpdate,
  type ReportDecision,
  type ReviewDecision,
  readingsAcceptedSignal,
  reportDecisionUpdate,
  reviewUpdate,
  statusQuery,
  type WorkflowStatus,
} from './definitions/messages.ts';
import type { SelfTestInput } from './definitions/self-test.ts';
import { connectDrained, type DrainedConnection } from './drained-connection.ts';
import { refusalTypes } from './failure-types.ts';
import { taskQueues, workflowIds, workflowTypes } from './shared.ts';
import { WorkflowRefusedError } from './workflow-refused-error.ts';

/** The first argument of a device workflow started by the API (signalWithStart). */
export interface DeviceWorkflowInput {
  orgId: string;
  projectId: string;
  deviceId: string;
}

/** The first argument of a period workflow started by the API (signalWithStart). */
export interface PeriodWorkflowInput {
  orgId: string;
  projectId: string;
  period: string;
}

/**
 * The API's only door into Temporal: starts, queries, signals and updates workflows by their
 * deterministic ids, so a retried API call never starts a duplicate.
 */
export interface WorkflowGateway {
  runSelfTest(input: SelfTestInput): Promise<{ probeId: string; workflowId: string }>;
  /** Claim check after a durable insert: signalWithStart `readingsAccepted` on `device/{org}/{device}`. */
  readingsAccepted(input: DeviceWorkflowInput & { readingIds: string[] }): Promise<{ workflowId: string }>;
  /** Update `review` on `review/{org}/{reading}`; `null` when no review workflow is open for it. */
  review(input: { orgId: string; readingId: string } & ReviewDecision): Promise<{ status: string } | null>;
  /** Update `deviceCommand` on the device workflow; `null` when the device has no running workflow. */
  deviceCommand(
    input: { orgId: string; deviceId: string } & DeviceCommand,
  ): Promise<{ status: string } | null>;
  /** Update `calibrationDecision` on the device workflow; `null` when the device has no running workflow. */
  calibrationDecision(
    input: { orgId: string; deviceId: string } & CalibrationDecision,
  ): Promise<{ status: string; credentialId?: string } | null>;
  /** signalWithStart `closeNow` on `period/{org}/{project}/{period}`. */
  closePeriod(input: PeriodWorkflowInput & { actor: Actor }): Promise<{ workflowId: string }>;
  /** Update `reportDecision` on the period workflow (the verifier's approval of the monitoring report). */
  reportDecision(input: PeriodWorkflowInput & ReportDecision): Promise<{ status: string } | null>;
  /** Starts the ledger anchoring of a published policy version (idempotent: one workflow per version). */
  publishPolicy(input: { orgId: string; policyVersionId: string }): Promise<{ workflowId: string }>;
  /** Query `status` of any workflow by id; `null` when it does not exist. */
  status(workflowId: string): Promise<WorkflowStatus | null>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Runs an Update; a validator's refusal becomes a WorkflowRefusedError carrying the workflow's reason.
 * An Update the workflow accepted but could not answer because the workflow ended meanwhile (e.g. the
 * approved period's mint failed for good) is not a refusal: `afterWorkflowEnded` answers it instead.
 */
async function executeUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, Args>,
  options: { args: Args; afterWorkflowEnded?: () => Promise<Ret> },
): Promise<Ret> {
  try {
    return await handle.executeUpdate(update, { args: options.args });
  } catch (error) {
    const ended =
      error instanceof WorkflowUpdateFailedError &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === 'AcceptedUpdateCompletedWorkflow';
    if (ended && options.afterWorkflowEnded) return await options.afterWorkflowEnded();
    if (error instanceof WorkflowUpdateFailedError) {
      const reason = error.cause instanceof Error ? error.cause.message : error.message;
      const role = error.cause instanceof ApplicationFailure && error.cause.type === refusalTypes.role;
      throw new WorkflowRefusedError(reason, { kind: role ? 'role' : 'state', cause: error });
    }
    throw error;
  }
}

/**
 * How long one workflow task may take. Temporal's default, 10 s, is too short for a worker that has
 * just restarted on a loaded machine: it replays each device's history (up to the continue-as-new
 * threshold) before it can answer, and the chaos drill measured ~13 s for ~1,400 events at load
 * 15–18 — the task timed out, was retried from scratch, and looped. Continue-as-new keeps it.
 */
export const WORKFLOW_TASK_TIMEOUT = '30 seconds';

export async function connectWorkflowGateway(options: {
  address: string;
  namespace?: string;
  taskQueue?: string;
}): Promise<WorkflowGateway> {
  const drained = await connectDrained({ address: options.address });
  const { connection } = drained;
  const namespace = options.namespace ?? 'default';
  const client = new Client({ connection, namespace, interceptors: clientObservability() });
  const taskQueue = options.taskQueue ?? taskQueues.main;
  const gateway: WorkflowGateway = {
    async runSelfTest(input) {
      const workflowId = workflowIds.selfTest(input.probeId);
      try {
        const handle = await client.workflow.start('selfTestWorkflow', {
          taskQueue,
          workflowId,
          args: [input],
          workflowExecutionTimeout: '2 minutes',
        });
        await handle.result();
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        await client.workflow.getHandle(workflowId).result();
      }
      return { probeId: input.probeId, workflowId };
    },
    async readingsAccepted({ readingIds, ...start }) {
      const workflowId = workflowIds.device(start.orgId, start.deviceId);
      await client.workflow.signalWithStart(workflowTypes.device, {
        taskQueue,
        workflowId,
        args: [start],
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
        signal: readingsAcceptedSignal,
        signalArgs: [{ readingIds }],
      });
      return { workflowId };
    },
    async review({ orgId, readingId, ...decision }) {
      try {
        const handle = client.workflow.getHandle(workflowIds.readingReview(orgId, readingId));
        return await executeUpdate(handle, reviewUpdate, { args: [decision] });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async deviceCommand({ orgId, deviceId, ...command }) {
      try {
        const handle = client.workflow.getHandle(workflowIds.device(orgId, deviceId));
        return await executeUpdate(handle, deviceCommandUpdate, { args: [command] });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async calibrationDecision({ orgId, deviceId, ...decision }) {
      try {
        const handle = client.workflow.getHandle(workflowIds.device(orgId, deviceId));
        return await executeUpdate(handle, calibrationDecisionUpdate, { args: [decision] });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async closePeriod({ actor, ...start }) {
      const workflowId = workflowIds.period(start.orgId, start.projectId, start.period);
      await client.workflow.signalWithStart(workflowTypes.period, {
        taskQueue,
        workflowId,
        args: [start],
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
        signal: closeNowSignal,
        signalArgs: [{ actor }],
      });
      return { workflowId };
    },
    async reportDecision({ orgId, projectId, period, ...decision }) {
      try {
        const handle = client.workflow.getHandle(workflowIds.period(orgId, projectId, period));
        return await executeUpdate(handle, reportDecisionUpdate, {
          args: [decision],
          afterWorkflowEnded: async () => ({ status: (await handle.query(statusQuery)).status }),
        });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async publishPolicy(input) {
      const workflowId = workflowIds.policyPublication(input.orgId, input.policyVersionId);
      try {
        await client.workflow.start(workflowTypes.policyPublication, {
          taskQueue,
          workflowId,
          args: [input],
        });
      } catch (error) {
        // Already anchoring (or anchored): the same version is never anchored twice.
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      return { workflowId };
    },
    async status(workflowId) {
      try {
        return await client.workflow.getHandle(workflowId).query(statusQuery);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async ping() {
      await connection.workflowService.describeNamespace({ namespace });
      return true;
    },
    close: () => drained.close(),
  };
  return trackEveryCall(gateway, drained);
}

/** Wraps each gateway call so that close() aborts and waits for the ones still running. */
function trackEveryCall(gateway: WorkflowGateway, drained: DrainedConnection): WorkflowGateway {
  const tracked = { ...gateway } as Record<string, unknown>;
  for (const [name, call] of Object.entries(gateway)) {
    if (name === 'close' || typeof call !== 'function') continue;
    tracked[name] = (...args: unknown[]) => drained.track(() => call(...args));
  }
  return tracked as unknown as WorkflowGateway;
}
