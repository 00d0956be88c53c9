import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { reviewTaskStore } from '../../store/review-task-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { flushAnchorsSignal } from '../../workflows/definitions/messages.ts';
import { workflowIds } from '../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import {
  actors,
  approvedAllAnchored,
  registerDevices,
  submitReadings,
  waitVerified,
} from './support/drive-pipeline.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';
import { startTimeSkippingServer } from './support/time-skipping-server.ts';
import { waitFor } from './support/wait-for.ts';

describe("the policy's review escalation timer (P7D), on the time-skipping test server", () => {
  let env: TestWorkflowEnvironment;
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
    harness = await startPipelineHarness('escalation', { temporalAddress: env.address });
    await harness.startWorker();
    // Seed 10: its two days hold FLAGGED readings (seed 7's no longer do, see pipeline.test.ts).
    seeded = await seedProject(harness.mongo.db, { days: 2, seed: 10 });
  }, 300_000);
  afterAll(async () => {
    try {
      await harness?.close();
    } finally {
      await env?.teardown();
    }
  });

  it('escalates an unreviewed flagged reading after 7 days, and a review after escalation still decides it', async () => {
    const { orgId } = seeded;
    const scope = issueTenantScope(orgId);
    const db = harness.mongo.db;
    const client = new Client({ connection: env.connection });
    // Skipped time does not wait for running activities (their timeouts would fire), so before a skip
    // the approved readings are anchored now instead of at the policy's PT1H batching interval.
    const anchorNow = async (readingIds: string[]) => {
      for (const d of seeded.devices) {
        await client.workflow.getHandle(workflowIds.device(orgId, d.deviceId)).signal(flushAnchorsSignal);
      }
      await waitFor(
        async () => await approvedAllAnchored(db, seeded, readingIds),
        120_000,
        'approved readings anchored',
      );
    };
    await registerDevices(harness, seeded);
    const ids = await submitReadings(harness, seeded);
    const verified = await waitVerified(db, seeded, ids);
    await anchorNow(ids);
    const flagged = verified.filter((r) => r.status === 'FLAGGED');
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    const [toApprove, toReject] = flagged.map((r) => r._id) as [string, string];
    const reviewState = async (readingId: string) =>
      (await harness.gateway.status(workflowIds.readingReview(orgId, readingId)))?.state;
    for (const id of [toApprove, toReject]) {
      await waitFor(async () => (await reviewState(id)) === 'in_review', 60_000, `review of ${id} open`);
    }
    const escalationNotes = async () =>
      (await reviewTaskStore(db).listNotifications(scope, 'registry')).filter(
        (n) => n.message === 'Flagged reading unreviewed for 7 days',
      );
    expect(await escalationNotes()).toEqual([]);

    // A week passes on the server's clock: the durable P7D timers fire (the reviews opened a few
    // seconds apart; the skip stops a minute after the last, well inside the activities' timeouts).
    await env.sleep(7 * 24 * 3_600_000 + 60_000);
    for (const id of [toApprove, toReject]) {
      await waitFor(async () => (await reviewState(id)) === 'escalated', 60_000, `review of ${id} escalated`);
    }
    const notified = new Set((await escalationNotes()).map((n) => n.subject.id));
    expect(notified).toContain(toApprove);
    expect(notified).toContain(toReject);
    const registryTasks = (await reviewTaskStore(db).listOpen(scope, 'registry')).map((t) => t.subject.id);
    expect(registryTasks).toEqual(expect.arrayContaining([toApprove, toReject]));

    // After escalation the verifier may still decide, and so may the registry it was escalated to.
    expect(
      await harness.gateway.review({
        orgId,
        readingId: toApprove,
        decision: 'approve',
        reason: 'meter data checked against the plant log',
        reviewer: actors.verifier,
      }),
    ).toEqual({ status: 'APPROVED' });
    expect(
      await harness.gateway.review({
        orgId,
        readingId: toReject,
        decision: 'reject',
        reason: 'implausible step',
        reviewer: actors.registry,
      }),
    ).toEqual({ status: 'REJECTED' });
    const open = (await reviewTaskStore(db).listOpen(scope)).map((t) => t.subject.id);
    expect(open).not.toContain(toApprove);
    expect(open).not.toContain(toReject);

    // The approved reading joins the device's next anchor batch.
    await anchorNow([toApprove]);
    const [approved, rejected] = await readingPipelineStore(db).getMany(scope, [toApprove, toReject]);
    expect([approved?.status, rejected?.status].sort()).toEqual(['APPROVED', 'REJECTED']);
  }, 600_000);
});
