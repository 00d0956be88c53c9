import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  patched,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { checkEvent } from '../../engine/policy/check-event.ts';
import type { PolicyEvent } from '../../engine/policy/guard-function.ts';
import { fieldTypeOf } from '../../engine/policy/policy-document.ts';
import { convert } from '../../engine/units/index.ts';
import type { AnchorRef } from '../activities/ledger-activities.ts';
import type { PeriodComputation } from '../activities/period-activities.ts';
import { workflowIds } from '../shared.ts';
import { ledgerActivities, storeActivities, trustChainActivities } from './activity-proxies.ts';
import { anchorStatusLists } from './anchor-status-lists.ts';
import { compiledPolicyOf } from './compiled-policy-cache.ts';
import { type FinalLedgerFailure, recordingFinalLedgerFailure } from './final-ledger-failure.ts';
import {
  closeNowSignal,
  flushAnchorsSignal,
  type ReportDecision,
  reportDecisionUpdate,
  statusQuery,
} from './messages.ts';
import { issuanceClaims, monitoringReportClaims } from './period-credentials.ts';
import { type ActionEffect, PolicyDriver } from './policy-driver.ts';
import { assertEventAllowed, refusal } from './refusal.ts';

export interface PeriodWorkflowInput {
  orgId: string;
  projectId: string;
  /** Monitoring period, `YYYY-MM` (UTC). */
  period: string;
}

/** After the period ends, late readings (devices buffering offline) get this long to arrive. */
const CLOSE_GRACE_MS = 3 * 24 * 3_600_000;
/** How long the close waits for devices to anchor their approved readings. */
const FLUSH_ATTEMPTS = 30;

/**
 * One monitoring period of one project, driven by the policy's `period_issuance` machine: close (on
 * schedule after the period, or on demand), compute ER from the approved and anchored readings,
 * issue and anchor the MonitoringReport, wait for the verifier if the policy says so, mint exactly
 * once (ledger idempotency key from this workflow's id), issue and anchor the Issuance, and store the
 * trust-chain bundle.
 */
export async function periodIssuanceWorkflow(input: PeriodWorkflowInput): Promise<{ status: string }> {
  const { orgId, projectId, period } = input;
  const workflowId = workflowInfo().workflowId;
  const project = await loadProjectOrFail();
  const workflow = compiledPolicyOf(project.policy).workflows.period_issuance;
  const policyHash = project.policy.hash;
  const [year, month] = period.split('-').map(Number) as [number, number];
  const closeAtMs = Date.UTC(year, month, 1) + CLOSE_GRACE_MS;

  let status = 'open';
  let step = 0;
  let computation: PeriodComputation | undefined;
  let mint: Awaited<ReturnType<typeof ledgerActivities.mintForPeriod>> | undefined;
  const credentials: Record<string, string> = {};
  const anchors: Record<string, AnchorRef> = {};
  const inbox: { event: PolicyEvent; processed: boolean }[] = [];

  /**
   * A plant or policy refused for good at the start (e.g. a grid factor beyond the plant schema's
   * bounds, edited into the database) ends the period as visibly as a refused computation.
   */
  async function loadProjectOrFail() {
    try {
      return await storeActivities.loadProjectPolicy({ orgId, projectId });
    } catch (error) {
      const cause = error instanceof ActivityFailure ? error.cause : undefined;
      // Histories from before this change failed here without a status; they replay as they ran.
      if (!(cause instanceof ApplicationFailure && cause.nonRetryable) || !patched('load-failure-status'))
        throw error;
      await storeActivities.setPeriodStatus({
        orgId,
        projectId,
        period,
        status: 'computation_failed',
        workflowId,
        details: { reason: cause.message },
      });
      throw ApplicationFailure.nonRetryable(
        `period ${period} cannot be computed: ${cause.message}`,
        'MethodologyFailed',
      );
    }
  }

  /** A computation the methodology refuses ends the period visibly: status, reason, failed workflow. */
  async function computeOrFail(): Promise<PeriodComputation> {
    try {
      return await storeActivities.computePeriod({ orgId, projectId, period });
    } catch (error) {
      const cause = error instanceof ActivityFailure ? error.cause : undefined;
      // Refused for good (methodology bounds, a plant or policy that no longer parses): not retried.
      if (!(cause instanceof ApplicationFailure && cause.nonRetryable)) throw error;
      await setStatus('computation_failed', { reason: cause.message });
      throw ApplicationFailure.nonRetryable(
        `period ${period} cannot be computed: ${cause.message}`,
        'MethodologyFailed',
      );
    }
  }

  async function compute(): Promise<PolicyEvent> {
    let c = await computeOrFail();
    for (let attempt = 0; c.unanchoredDevices.length > 0 && attempt < FLUSH_ATTEMPTS; attempt += 1) {
      for (const deviceId of c.unanchoredDevices) {
        await getExternalWorkflowHandle(workflowIds.device(orgId, deviceId))
          .signal(flushAnchorsSignal)
          .catch((error: unknown) => log.warn('flush signal failed', { deviceId, error: String(error) }));
      }
      await sleep('10 seconds');
      c = await computeOrFail();
    }
    computation = c;
    const erUnit = fieldTypeOf(workflow.events.computed?.payload?.er ?? 'number').unit ?? 'tCO2e';
    return {
      type: 'computed',
      eligible: c.eligible,
      er: convert(c.erTco2e, 'tCO2e', erUnit),
      amount: Number(c.amount),
    };
  }

  async function issue(type: string): Promise<void> {
    const c = computation;
    if (!c)
      throw ApplicationFailure.nonRetryable(`${type} before the period was computed`, 'UnsupportedAction');
    const base = { orgId, projectId, key: `${workflowId}/credential/${type}`, issuedAtMs: Date.now() };
    const about = { orgId, projectId, period, policyHash, computation: c };
    if (type === 'MonitoringReport') {
      const { credentialId } = await storeActivities.issuePolicyCredential({
        ...base,
        type,
        ...monitoringReportClaims(about),
      });
      credentials[type] = credentialId;
    } else if (type === 'Issuance') {
      if (!mint) throw ApplicationFailure.nonRetryable('Issuance before the mint', 'UnsupportedAction');
      const { credentialId } = await storeActivities.issuePolicyCredential({
        ...base,
        type,
        ...issuanceClaims({
          ...about,
          mint,
          reportCredentialId: credentials.MonitoringReport!,
          reportAnchor: anchors.MonitoringReport,
        }),
      });
      credentials[type] = credentialId;
    } else {
      throw ApplicationFailure.nonRetryable(`period_issuance cannot issue ${type}`, 'UnsupportedAction');
    }
  }

  async function setStatus(next: string, extra: Record<string, unknown> = {}): Promise<void> {
    status = next;
    const details = { ...computation, ...extra };
    await storeActivities.setPeriodStatus({ orgId, projectId, period, status, workflowId, details });
  }

  /** A ledger step that failed for good leaves the period `ledger_failed`, with the reason, for operators. */
  function onLedger<T>(call: () => Promise<T>): Promise<T> {
    return recordingFinalLedgerFailure(call, (ledgerFailure: FinalLedgerFailure) =>
      setStatus('ledger_failed', { ledgerFailure }),
    );
  }

  async function runAction(action: ActionEffect): Promise<PolicyEvent | undefined> {
    const p = action.params;
    step += 1;
    const key = `${workflowId}/${step}`;
    const subject = { kind: 'period' as const, id: `${projectId}/${period}` };
    switch (action.type) {
      case 'setStatus':
        await setStatus(String(p.status));
        return;
      case 'requestReview':
        await storeActivities.requestReviews({
          orgId,
          tasks: [{ key, subject, role: String(p.role ?? 'verifier') }],
        });
        return;
      case 'notify':
        await storeActivities.notify({
          orgId,
          notes: [
            {
              key,
              subject,
              role: String(p.role),
              message: String(p.message ?? `period ${period} is ${status}`),
            },
          ],
        });
        return;
      case 'computeMethodology':
        return await compute();
      case 'issueCredential':
        await issue(String(p.schema));
        return;
      case 'anchor': {
        const type = String(p.document);
        const credentialId = credentials[type];
        if (!credentialId)
          throw ApplicationFailure.nonRetryable(`nothing to anchor: no ${type}`, 'UnsupportedAction');
        anchors[type] = await onLedger(() =>
          ledgerActivities.anchorCredential({
            orgId,
            projectId,
            credentialId,
            batchId: `${orgId}/credential/${credentialId}`,
            period,
            policyHash,
          }),
        );
        return;
      }
      case 'mint': {
        const c = computation!;
        const report = anchors.MonitoringReport;
        mint = await onLedger(() =>
          ledgerActivities.mintForPeriod({
            orgId,
            projectId,
            period,
            amount: c.amount,
            // Exactly once: the key is this workflow's (org, project, period); retries and replays reuse it.
            key: `mint/${workflowId}`,
            memo: report ? `report ${report.topicId}#${report.sequenceNumber}` : `period ${period}`,
          }),
        );
        return { type: 'minted', amount: Number(mint.amount) };
      }
      default:
        throw ApplicationFailure.nonRetryable(
          `period_issuance cannot run '${action.type}'`,
          'UnsupportedAction',
        );
    }
  }

  async function runActions(driver: PolicyDriver, actions: ActionEffect[]): Promise<void> {
    for (const action of actions) {
      const answer = await runAction(action);
      if (answer) await runActions(driver, driver.send(answer, Date.now()) ?? []);
    }
  }

  const { driver, actions } = PolicyDriver.start(workflow, Date.now());
  await runActions(driver, actions);

  function decisionEvent(decision: ReportDecision): PolicyEvent {
    const payload = workflow.events[decision.decision]?.payload ?? {};
    return { type: decision.decision, ...('comment' in payload ? { comment: decision.reason } : {}) };
  }
  setHandler(statusQuery, () => ({ policyHash, state: driver.state, status, computation, mint }));
  setHandler(closeNowSignal, ({ actor }) => {
    const event = { type: 'close' };
    const problems = checkEvent(workflow, event, actor.role);
    if (problems.length > 0) log.warn('close refused', { actor: actor.id, problems });
    else if (driver.can(event)) inbox.push({ event, processed: false });
  });
  setHandler(
    reportDecisionUpdate,
    async (decision) => {
      const entry = { event: decisionEvent(decision), processed: false };
      inbox.push(entry);
      await condition(() => entry.processed);
      return { status };
    },
    {
      validator: (decision) => {
        const event = decisionEvent(decision);
        assertEventAllowed(workflow, event, decision.reviewer.role);
        if (!driver.can(event) || inbox.length > 0)
          throw refusal(`the period is ${status}; no decision is open`, 'state');
      },
    },
  );

  while (!driver.done) {
    const now = Date.now();
    const waits = [
      driver.msUntilNextTimer(now),
      driver.can({ type: 'close' }) ? Math.max(0, closeAtMs - now) : undefined,
    ];
    const next = waits.filter((w): w is number => w !== undefined);
    if (next.length > 0) await condition(() => inbox.length > 0, Math.max(1, Math.min(...next)));
    else await condition(() => inbox.length > 0);
    if (Date.now() >= closeAtMs && driver.can({ type: 'close' }) && inbox.length === 0) {
      inbox.push({ event: { type: 'close' }, processed: false });
    }
    for (const event of driver.takeDueTimerEvents(Date.now())) inbox.push({ event, processed: false });
    while (inbox.length > 0) {
      const entry = inbox.shift()!;
      await runActions(driver, driver.send(entry.event, Date.now()) ?? []);
      entry.processed = true;
    }
  }

  if (mint && credentials.Issuance) {
    await anchorStatusLists(orgId);
    await trustChainActivities.storeTrustChain({
      orgId,
      projectId,
      period,
      status,
      mint: {
        tokenId: mint.tokenId,
        decimals: mint.decimals,
        amount: mint.amount,
        transactionId: mint.transactionId,
      },
      issuanceCredentialId: credentials.Issuance,
      reportCredentialId: credentials.MonitoringReport!,
      batchIds: [...(computation?.batches ?? []), ...(computation?.reviewBatches ?? [])].map(
        (b) => b.batchId,
      ),
      ...(computation?.reviews ? { reviews: computation.reviews } : {}),
      reportBatchId: anchors.MonitoringReport!.batchId,
      policyHash,
      createdAtMs: Date.now(),
    });
  }
  await condition(allHandlersFinished);
  return { status };
}
