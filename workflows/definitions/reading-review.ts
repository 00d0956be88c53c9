import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  patched,
  setHandler,
} from '@temporalio/workflow';
import type { PolicyEvent } from '../../engine/policy/guard-function.ts';
import type { ReadingStatus } from '../../store/reading-store.ts';
import { ledgerActivities, storeActivities } from './activity-proxies.ts';
import { compiledPolicyOf, type PinnedPolicy } from './compiled-policy-cache.ts';
import { type ReviewDecision, readingsApprovedSignal, reviewUpdate, statusQuery } from './messages.ts';
import { type PersistedDriver, PolicyDriver } from './policy-driver.ts';
import { EffectSink } from './policy-effects.ts';
import { assertEventAllowed, refusal } from './refusal.ts';

export interface ReadingReviewInput {
  orgId: string;
  projectId: string;
  readingId: string;
  period: string;
  policy: PinnedPolicy;
  /** The `reading_review` machine as the device workflow left it (waiting for a human). */
  persisted: PersistedDriver;
  deviceWorkflowId: string;
  /** The device workflow anchored the reading with its FLAGGED verdict already (anchor-every-verdict). */
  anchoredWithVerdict?: boolean;
}

/**
 * Patch id: the ReviewDecision credential is anchored (a Merkle batch of one on the anchor topic, in
 * the reading's period), and a reading anchored with its verdict is not queued for anchoring again.
 */
const ANCHOR_REVIEW_DECISION = 'anchor-review-decision';

/**
 * The human review of one flagged reading, driven by the policy's `reading_review` machine: an
 * Update `review` from a holder of the policy's reviewer role decides (one decision per reading,
 * checked before it is accepted), and the policy's timers escalate an unreviewed reading.
 */
export async function readingReviewWorkflow(input: ReadingReviewInput): Promise<{ status: string }> {
  const { orgId, readingId } = input;
  const workflow = compiledPolicyOf(input.policy).workflows.reading_review;
  const driver = PolicyDriver.restore(workflow, input.persisted);
  const subject = { kind: 'reading' as const, id: readingId };
  let status: string = 'FLAGGED';
  let step = 0;
  type Entry = { event: PolicyEvent; decision?: ReviewDecision; processed: boolean };
  const inbox: Entry[] = [];

  function decisionEvent(decision: ReviewDecision): PolicyEvent {
    const payload = workflow.events[decision.decision]?.payload ?? {};
    return {
      type: decision.decision,
      ...('comment' in payload ? { comment: decision.reason } : {}),
      ...('reason' in payload ? { reason: decision.reason } : {}),
    };
  }

  setHandler(statusQuery, () => ({ policyHash: input.policy.hash, state: driver.state, status }));
  setHandler(
    reviewUpdate,
    async (decision) => {
      const entry = { event: decisionEvent(decision), decision, processed: false };
      inbox.push(entry);
      await condition(() => entry.processed);
      return { status };
    },
    {
      validator: (decision) => {
        if (decision.decision !== 'approve' && decision.decision !== 'reject') {
          throw refusal("decision must be 'approve' or 'reject'", 'state');
        }
        if (!decision.reason || decision.reason.length > 2000)
          throw refusal('a reason (1–2000 characters) is required', 'state');
        const event = decisionEvent(decision);
        assertEventAllowed(workflow, event, decision.reviewer.role);
        if (!driver.can(event) || inbox.length > 0)
          throw refusal(`reading ${readingId} is not open for a decision`, 'state');
      },
    },
  );

  /**
   * The decision on the ledger, exactly once (batch id per credential), in the reading's period: the
   * period's issuance names its anchor and the trust chain carries it. A final ledger failure is
   * logged, not fatal: the credential itself is what lets the reading count.
   */
  async function anchorReviewDecision(credentialId: string): Promise<void> {
    try {
      await ledgerActivities.anchorCredential({
        orgId,
        projectId: input.projectId,
        credentialId,
        batchId: `${orgId}/credential/${credentialId}`,
        period: input.period,
        policyHash: input.policy.hash,
      });
    } catch (error) {
      log.warn('review decision not anchored', { readingId, credentialId, error: String(error) });
    }
  }

  while (!driver.done) {
    const next = driver.msUntilNextTimer(Date.now());
    if (next === undefined) await condition(() => inbox.length > 0);
    else await condition(() => inbox.length > 0, Math.max(1, next));
    const timerEntries: Entry[] = driver
      .takeDueTimerEvents(Date.now())
      .map((event) => ({ event, processed: false }));
    const events: Entry[] = [...timerEntries, ...inbox.splice(0)];
    for (const entry of events) {
      const sink = new EffectSink(`review/${orgId}/${readingId}`);
      for (const action of driver.send(entry.event, Date.now()) ?? []) {
        step += 1;
        if (!sink.add(action, subject, step)) {
          throw ApplicationFailure.nonRetryable(
            `reading_review cannot run '${action.type}' after review`,
            'UnsupportedAction',
          );
        }
      }
      let reviewCredential: string | undefined;
      if (entry.decision) {
        const decidedAtMs = Date.now();
        await storeActivities.recordReviewDecision({
          orgId,
          readingId,
          decision: entry.decision.decision,
          reason: entry.decision.reason,
          reviewer: `${entry.decision.reviewer.role}:${entry.decision.reviewer.id}`,
          decidedAtMs,
        });
        // The decision as evidence: a credential the reviewer signs (issue 13); before the patch,
        // reviews were recorded only, so histories from then replay without the activity.
        if (patched('review-decision-credential')) {
          ({ credentialId: reviewCredential } = await storeActivities.issueReviewDecision({
            orgId,
            projectId: input.projectId,
            readingId,
            decision: entry.decision.decision,
            reason: entry.decision.reason,
            reviewer: entry.decision.reviewer,
            decidedAtMs,
          }));
        }
        await storeActivities.closeReviews({ orgId, subject });
      }
      for (const s of sink.statuses) status = s.status;
      if (sink.statuses.length > 0) {
        await storeActivities.setReadingStatuses({
          orgId,
          outcomes: [{ readingId, status: status as ReadingStatus }],
        });
      }
      if (sink.reviews.length > 0) await storeActivities.requestReviews({ orgId, tasks: sink.reviews });
      if (sink.notes.length > 0) await storeActivities.notify({ orgId, notes: sink.notes });
      const anchorReview = reviewCredential !== undefined && patched(ANCHOR_REVIEW_DECISION);
      if (
        sink.anchors.some((a) => a.document === 'reading') &&
        !(anchorReview && input.anchoredWithVerdict)
      ) {
        // The device workflow owns anchor batches; a signal is durable even if it is between runs.
        await getExternalWorkflowHandle(input.deviceWorkflowId).signal(readingsApprovedSignal, {
          readings: [{ readingId, period: input.period }],
        });
      }
      // Before the decision is answered: once answered, the review is over (a second decision finds
      // the workflow gone, not a review still busy).
      if (anchorReview) await anchorReviewDecision(reviewCredential!);
      entry.processed = true;
    }
  }
  await condition(allHandlersFinished);
  return { status };
}
