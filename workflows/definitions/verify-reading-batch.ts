import { ApplicationFailure, ParentClosePolicy, patched, startChild } from '@temporalio/workflow';
import type { ReadingStatus } from '../../store/reading-store.ts';
import type { ReadingOutcome } from '../activities/reading-activities.ts';
import { workflowIds } from '../shared.ts';
import { storeActivities, verificationActivities } from './activity-proxies.ts';
import type { ApprovedReading } from './anchor-reading-batch.ts';
import { compiledPolicyOf, type PinnedPolicy } from './compiled-policy-cache.ts';
import { type ActionEffect, PolicyDriver } from './policy-driver.ts';
import { EffectSink } from './policy-effects.ts';
import { readingReviewWorkflow } from './reading-review.ts';

/** Patch id (docs/workflows.md "Changing workflow code safely"): histories recorded before it wrote every status. */
const SKIP_UNCHANGED_STATUSES = 'skip-unchanged-reading-statuses';
/**
 * Patch id: every verdict joins the device's anchor batches at once, with the verifier clock (issue
 * 13: an auditor sees what was left out and why). Histories from before anchored approved readings
 * only, a flagged one when its review approved it.
 */
const ANCHOR_EVERY_VERDICT = 'anchor-every-verdict';

/**
 * Verifies a batch of one device's readings (one activity), then runs each reading through the
 * policy's `reading_review` machine purely, here in workflow code. Readings the machine settles at
 * once (approved, rejected) cost no workflow of their own; those left waiting for a human get a
 * `readingReviewWorkflow` child that carries the machine's snapshot and timers.
 * Returns the readings that join the device's next anchor batch: all of them in seq order, each with
 * its verdict (before patch `anchor-every-verdict`: those the policy approved now).
 */
export async function verifyReadingBatch(input: {
  orgId: string;
  projectId: string;
  deviceId: string;
  readingIds: string[];
  batchKey: string;
  deviceActive: boolean;
  policy: PinnedPolicy;
  parentWorkflowId: string;
}): Promise<ApprovedReading[]> {
  const { orgId } = input;
  const anchorEveryVerdict = patched(ANCHOR_EVERY_VERDICT);
  // The verifier clock of these verdicts: the trust chain states it, and the auditor re-runs with it.
  const nowMs = Date.now();
  const outcomes = await verificationActivities.verifyReadings({
    orgId,
    projectId: input.projectId,
    deviceId: input.deviceId,
    readingIds: input.readingIds,
    batchKey: input.batchKey,
    nowMs,
    deviceActive: input.deviceActive,
  });
  const review = compiledPolicyOf(input.policy).workflows.reading_review;
  const sink = new EffectSink(input.batchKey);
  const waiting: { outcome: ReadingOutcome; driver: PolicyDriver }[] = [];

  for (const outcome of outcomes) {
    const subject = { kind: 'reading' as const, id: outcome.readingId };
    let step = 0;
    const run = (driver: PolicyDriver, actions: ActionEffect[]) => {
      for (const action of actions) {
        step += 1;
        if (sink.add(action, subject, step)) continue;
        if (action.type !== 'verify') {
          throw ApplicationFailure.nonRetryable(
            `reading_review cannot run '${action.type}'`,
            'UnsupportedAction',
          );
        }
        const answer = driver.send(
          { type: 'verified', status: outcome.status, trust_score: outcome.trustScore },
          Date.now(),
        );
        run(driver, answer ?? []);
      }
    };
    const { driver, actions } = PolicyDriver.start(review, Date.now());
    run(driver, actions);
    if (!driver.done) waiting.push({ outcome, driver });
  }

  const credentialAction = sink.credentials[0];
  if (credentialAction) {
    throw ApplicationFailure.nonRetryable(
      `reading_review cannot issue ${credentialAction.type} per reading`,
      'UnsupportedAction',
    );
  }
  const statuses = sink.statuses.map((s) => ({ readingId: s.subject.id, status: s.status as ReadingStatus }));
  if (patched(SKIP_UNCHANGED_STATUSES)) {
    // verifyReadings already stored each verdict as the reading's status; write only where the
    // policy's final status differs (usually none: one write per reading saved).
    const finalStatus = new Map(statuses.map((s) => [s.readingId, s.status]));
    const changed = outcomes
      .filter((o) => finalStatus.has(o.readingId) && finalStatus.get(o.readingId) !== o.status)
      .map((o) => ({ readingId: o.readingId, status: finalStatus.get(o.readingId)! }));
    if (changed.length > 0) await storeActivities.setReadingStatuses({ orgId, outcomes: changed });
  } else {
    await storeActivities.setReadingStatuses({ orgId, outcomes: statuses });
  }
  if (sink.reviews.length > 0) await storeActivities.requestReviews({ orgId, tasks: sink.reviews });
  if (sink.notes.length > 0) await storeActivities.notify({ orgId, notes: sink.notes });

  for (const { outcome, driver } of waiting) {
    await startChild(readingReviewWorkflow, {
      workflowId: workflowIds.readingReview(orgId, outcome.readingId),
      // The review outlives the device workflow's runs (continue-as-new) and must not be cancelled with them.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          orgId,
          projectId: input.projectId,
          readingId: outcome.readingId,
          period: outcome.period,
          policy: input.policy,
          persisted: driver.persist(),
          deviceWorkflowId: input.parentWorkflowId,
          ...(anchorEveryVerdict ? { anchoredWithVerdict: true } : {}),
        },
      ],
    });
  }
  if (anchorEveryVerdict) {
    const verifiedAt = new Date(nowMs).toISOString();
    return outcomes.map((o) => ({
      readingId: o.readingId,
      period: o.period,
      verdict: { status: o.status, verifiedAt },
    }));
  }
  const periodOf = new Map(outcomes.map((o) => [o.readingId, o.period]));
  return sink.anchors
    .filter((a) => a.document === 'reading')
    .map((a) => ({ readingId: a.subject.id, period: periodOf.get(a.subject.id)! }));
}
