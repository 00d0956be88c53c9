import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { PolicyEvent } from '../../engine/policy/guard-function.ts';
import { ledgerActivities, storeActivities } from './activity-proxies.ts';
import { anchorReadingBatch } from './anchor-reading-batch.ts';
import { anchorStatusLists } from './anchor-status-lists.ts';
import { handleCalibrationDecisions } from './calibration-decision.ts';
import { compiledPolicyOf } from './compiled-policy-cache.ts';
import { issueDeviceRegistration } from './device-registration.ts';
import type { DeviceWorkflowInput } from './device-workflow-input.ts';
import {
  type DeviceCommand,
  deviceCommandEvents,
  deviceCommandUpdate,
  flushAnchorsSignal,
  readingsAcceptedSignal,
  readingsApprovedSignal,
  statusQuery,
} from './messages.ts';
import { type ActionEffect, PolicyDriver } from './policy-driver.ts';
import { assertEventAllowed, refusal } from './refusal.ts';
import { verifyReadingBatch } from './verify-reading-batch.ts';

export type { DeviceWorkflowInput, DeviceWorkflowLimits } from './device-workflow-input.ts';

/** Readings verified per activity: big enough to amortize, small enough for one activity's timeout. */
const VERIFY_BATCH = 500;
/**
 * How long accepted readings wait for more before their batch is verified. One device's concurrent
 * uploads are signalled in any order, and the verifier rejects a seq below the last one it accepted;
 * within a batch readings are verified in seq order, so gathering briefly keeps a race from costing
 * an honest reading (and makes batches larger). Patched: earlier histories verified at once.
 */
const GATHER_MS = 5_000;
const GATHER_PATCH = 'gather-readings-before-verify';
/** Continue-as-new well before Temporal's history limits (50k events / 50 MB). */
const HISTORY_EVENTS_BEFORE_CONTINUE = 5_000;
/**
 * A DeviceRegistration issued on an approval is signed by the principal who approved it (the
 * registry), so the auditor can tell it from one the organization issued itself. Patched: earlier
 * histories issued it with the organization's key.
 */
const REGISTRY_SIGNS_PATCH = 'device-registration-signed-by-approver';

/**
 * One device from registration to retirement, driven by the policy's `device_lifecycle` machine, and
 * the device's reading pipeline: accepted readings (claim check: ids only) are verified in batches,
 * each through the policy's `reading_review` machine; flagged readings get their own review workflow;
 * approved readings are anchored in Merkle batches.
 */
export async function deviceLifecycleWorkflow(input: DeviceWorkflowInput): Promise<void> {
  const { orgId, projectId, deviceId } = input;
  const carried = input.carried;
  const continueAfter = input.limits?.historyEventsBeforeContinue ?? HISTORY_EVENTS_BEFORE_CONTINUE;
  const context =
    carried?.context ?? (await storeActivities.loadDeviceContext({ orgId, projectId, deviceId }));
  const compiled = compiledPolicyOf(context.policy);
  const lifecycleWorkflow = compiled.workflows.device_lifecycle;
  const workflowId = workflowInfo().workflowId;

  let status = carried?.status ?? 'pending';
  const pending: string[] = [...(carried?.pending ?? [])];
  /** When the oldest pending reading was signalled (workflow time). */
  let pendingSinceMs = pending.length > 0 ? Date.now() : 0;
  const approved = [...(carried?.approved ?? [])];
  const counters = carried?.counters ?? { verify: 0, anchor: 0, step: 0 };
  const credentials: Record<string, string> = { ...carried?.credentials };
  let lastAnchorMs = carried?.lastAnchorMs ?? Date.now();
  let revoked = carried?.revoked ?? false;
  let flushRequested = false;
  /** Events to run, each with the command that sent it (none for timers and the provisioning). */
  const inbox: { event: PolicyEvent; command?: DeviceCommand; processed: boolean }[] = [];

  async function runAction(action: ActionEffect, command?: DeviceCommand): Promise<void> {
    const p = action.params;
    counters.step += 1;
    const step = counters.step;
    const subject = { kind: 'device' as const, id: deviceId };
    switch (action.type) {
      case 'setStatus':
        status = String(p.status);
        await storeActivities.setDeviceStatus({ orgId, deviceId, status });
        return;
      case 'requestReview':
        await storeActivities.requestReviews({
          orgId,
          tasks: [{ key: `${workflowId}/${step}`, subject, role: String(p.role ?? 'registry') }],
        });
        return;
      case 'notify':
        await storeActivities.notify({
          orgId,
          notes: [
            {
              key: `${workflowId}/${step}`,
              role: String(p.role),
              message: String(p.message ?? `device ${context.did} is ${status}`),
              subject,
            },
          ],
        });
        return;
      case 'issueCredential': {
        const type = String(p.schema);
        if (type !== 'DeviceRegistration') {
          throw ApplicationFailure.nonRetryable(`device_lifecycle cannot issue ${type}`, 'UnsupportedAction');
        }
        const approval = command && patched(REGISTRY_SIGNS_PATCH) ? command : undefined;
        credentials[type] = await issueDeviceRegistration({
          orgId,
          projectId,
          context,
          key: `${workflowId}/credential/${step}`,
          ...(approval ? { issuedBy: { actorId: approval.actor.id } } : {}),
          ...(approval?.effectiveFrom ? { effectiveFrom: approval.effectiveFrom } : {}),
        });
        await anchorStatusLists(orgId);
        return;
      }
      case 'anchor': {
        const credentialId = credentials[String(p.document)];
        if (!credentialId) {
          throw ApplicationFailure.nonRetryable(
            `nothing to anchor: no ${String(p.document)} issued yet`,
            'UnsupportedAction',
          );
        }
        await ledgerActivities.anchorCredential({
          orgId,
          projectId,
          credentialId,
          batchId: `${orgId}/credential/${credentialId}`,
          period: new Date(Date.now()).toISOString().slice(0, 7),
          policyHash: context.policy.hash,
        });
        return;
      }
      default:
        throw ApplicationFailure.nonRetryable(
          `device_lifecycle cannot run '${action.type}'`,
          'UnsupportedAction',
        );
    }
  }

  let lifecycle: PolicyDriver;
  if (carried) lifecycle = PolicyDriver.restore(lifecycleWorkflow, carried.lifecycle);
  else {
    const started = PolicyDriver.start(lifecycleWorkflow, Date.now());
    lifecycle = started.driver;
    for (const action of started.actions) await runAction(action);
    // Provisioning a device through the API is the organization's registration request.
    const register: PolicyEvent = { type: 'register', device_id: context.did, scope: context.scope };
    if (lifecycle.can(register)) inbox.push({ event: register, processed: false });
  }

  function commandEvent(command: DeviceCommand): PolicyEvent {
    const name = deviceCommandEvents[command.command]?.find((e) => e in lifecycleWorkflow.events);
    if (!name) throw refusal(`the policy has no event for '${command.command}'`, 'state');
    const payload = lifecycleWorkflow.events[name]?.payload ?? {};
    return {
      type: name,
      ...('reason' in payload ? { reason: command.reason } : {}),
      ...('comment' in payload ? { comment: command.reason } : {}),
    };
  }

  handleCalibrationDecisions({ orgId, projectId, deviceId, context, workflowId });
  setHandler(readingsAcceptedSignal, ({ readingIds }) => {
    if (pending.length === 0) pendingSinceMs = Date.now();
    pending.push(...readingIds);
  });
  setHandler(readingsApprovedSignal, ({ readings }) => {
    approved.push(...readings);
  });
  setHandler(flushAnchorsSignal, () => {
    flushRequested = true;
  });
  setHandler(statusQuery, () => ({
    policyHash: context.policy.hash,
    state: lifecycle.state,
    status,
    pendingReadings: pending.length,
    awaitingAnchor: approved.length,
  }));
  setHandler(
    deviceCommandUpdate,
    async (command) => {
      const entry = { event: commandEvent(command), command, processed: false };
      inbox.push(entry);
      await condition(() => entry.processed);
      return { status };
    },
    {
      validator: (command) => {
        const event = commandEvent(command);
        assertEventAllowed(lifecycleWorkflow, event, command.actor.role);
        // The API checks it; another client's malformed date would otherwise fail the workflow task
        // (an Invalid Date cannot be signed) on every retry. Refused like a command out of state.
        if (command.effectiveFrom !== undefined && Number.isNaN(Date.parse(command.effectiveFrom)))
          throw refusal(
            `effectiveFrom '${String(command.effectiveFrom).slice(0, 40)}' is not an instant`,
            'state',
          );
        if (!lifecycle.can(event))
          throw refusal(`'${event.type}' is not possible while the device is ${lifecycle.state}`, 'state');
      },
    },
  );

  const anchorDue = () =>
    approved.length > 0 &&
    (approved.length >= context.anchoring.batchSize ||
      flushRequested ||
      Date.now() - lastAnchorMs >= context.anchoring.intervalMs);

  async function anchorApproved(): Promise<void> {
    counters.anchor += 1;
    const ids = await anchorReadingBatch({
      orgId,
      projectId,
      context,
      approved,
      batchId: `${workflowId}/anchor/${counters.anchor}`,
    });
    approved.splice(0, approved.length, ...approved.filter((a) => !ids.has(a.readingId)));
    lastAnchorMs = Date.now();
  }

  const gather = patched(GATHER_PATCH);
  const verifyDue = () =>
    pending.length > 0 &&
    (!gather || pending.length >= VERIFY_BATCH || Date.now() - pendingSinceMs >= GATHER_MS);

  for (;;) {
    const now = Date.now();
    const timers = [
      lifecycle.msUntilNextTimer(now),
      approved.length > 0 ? Math.max(0, lastAnchorMs + context.anchoring.intervalMs - now) : undefined,
      pending.length > 0 && !verifyDue() ? Math.max(0, pendingSinceMs + GATHER_MS - now) : undefined,
    ].filter((t): t is number => t !== undefined);
    // Readings arriving while none were pending wake the loop once, to arm their gather timer.
    const gatherArmed = pending.length > 0;
    const wake = () =>
      inbox.length > 0 ||
      verifyDue() ||
      (!gatherArmed && pending.length > 0) ||
      anchorDue() ||
      workflowInfo().historyLength > continueAfter;
    if (timers.length > 0) await condition(wake, Math.max(1, Math.min(...timers)));
    else await condition(wake);

    for (const event of lifecycle.takeDueTimerEvents(Date.now())) inbox.push({ event, processed: false });
    while (inbox.length > 0) {
      const entry = inbox.shift()!;
      const actions = lifecycle.send(entry.event, Date.now());
      if (actions === null)
        log.warn('event not accepted', { event: entry.event.type, state: lifecycle.state });
      for (const action of actions ?? []) await runAction(action, entry.command);
      entry.processed = true;
    }
    if (lifecycle.done && !revoked) {
      // A retired device's registration is revoked, so its later readings fail the trust chain too.
      await storeActivities.revokeDeviceRegistrations({ orgId, deviceDid: context.did });
      revoked = true;
      await anchorStatusLists(orgId);
    }
    if (verifyDue()) {
      // Readings left over (more than one batch) have waited already: they stay due.
      const batch = pending.splice(0, VERIFY_BATCH);
      counters.verify += 1;
      const accepted = await verifyReadingBatch({
        orgId,
        projectId,
        deviceId,
        readingIds: batch,
        batchKey: `${workflowId}/verify/${counters.verify}`,
        deviceActive: status === 'active',
        policy: context.policy,
        parentWorkflowId: workflowId,
      });
      approved.push(...accepted);
    }
    if (anchorDue()) await anchorApproved();
    else if (approved.length === 0) flushRequested = false;

    if (workflowInfo().historyLength > continueAfter && inbox.length === 0) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof deviceLifecycleWorkflow>({
        orgId,
        projectId,
        deviceId,
        ...(input.limits ? { limits: input.limits } : {}),
        carried: {
          context,
          lifecycle: lifecycle.persist(),
          status,
          pending,
          approved,
          counters,
          lastAnchorMs,
          credentials,
          revoked,
        },
      });
    }
  }
}
