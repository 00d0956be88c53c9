import { WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuanceStore } from '../../store/issuance-store.ts';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { flushAnchorsSignal } from '../../workflows/definitions/messages.ts';
import { activityTaskQueue, workflowIds } from '../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import { activityHistory } from './support/activity-history.ts';
import { actors, PERIOD, registerDevices, submitReadings, waitVerified } from './support/drive-pipeline.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';
import { waitFor } from './support/wait-for.ts';

describe('task queues per concern, and final ledger failures', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    harness = await startPipelineHarness('queues');
    seeded = await seedProject(harness.mongo.db, { days: 1, seed: 23 });
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('verifies only once a verification worker polls, and schedules each concern on its own queue', async () => {
    const { orgId } = seeded;
    const deviceQueue = harness.taskQueue;
    await harness.startWorker({ concerns: ['workflows'] });
    await harness.startWorker({ concerns: ['ledger'] });
    await registerDevices(harness, seeded);
    const ids = await submitReadings(harness, seeded);

    // With no verification worker the batch waits, scheduled, on the verification queue.
    const first = workflowIds.device(orgId, seeded.devices[0]!.deviceId);
    await waitFor(
      async () =>
        (await harness.client.workflow.getHandle(first).describe()).raw.pendingActivities?.some(
          (a) => a.activityType?.name === 'verifyReadings',
        ) ?? false,
      120_000,
      'verifyReadings pending',
    );
    const stored = await readingPipelineStore(harness.mongo.db).getMany(issueTenantScope(orgId), ids);
    expect(stored.every((r) => r.status === 'RECEIVED')).toBe(true);

    await harness.startWorker({ concerns: ['verification'] });
    const verified = await waitVerified(harness.mongo.db, seeded, ids);
    expect(verified.some((r) => r.status === 'APPROVED')).toBe(true);
    await harness.client.workflow.getHandle(first).signal(flushAnchorsSignal);
    await waitFor(
      async () => (await activityHistory(harness.client, first, 'anchorReadings')).queues.length > 0,
      120_000,
      'an anchor batch scheduled',
    );

    const only = async (type: string) => (await activityHistory(harness.client, first, type)).queues;
    expect(await only('verifyReadings')).toEqual([activityTaskQueue(deviceQueue, 'verification')]);
    expect(await only('anchorCredential')).toEqual([activityTaskQueue(deviceQueue, 'ledger')]);
    expect(await only('anchorReadings')).toEqual([activityTaskQueue(deviceQueue, 'ledger')]);
    expect(await only('loadDeviceContext')).toEqual([deviceQueue]);
    expect(await only('issuePolicyCredential')).toEqual([deviceQueue]);
  }, 600_000);

  it('fails a mint whose idempotency key was used for another request at once, and records why', async () => {
    const { orgId, projectId } = seeded;
    const periodId = workflowIds.period(orgId, projectId, PERIOD);
    // Someone (a bug, an operator's replay of the wrong thing) used this period's mint key for 1 unit
    // of another token: the adapter must refuse the period's mint rather than mint twice or retry.
    const decoy = await harness.services.ledger.createToken({
      orgId,
      idempotencyKey: 'token/decoy',
      name: 'Decoy',
      symbol: 'DCY',
      decimals: 0,
      initialSupply: '0',
    });
    await harness.services.ledger.mint({
      orgId,
      idempotencyKey: `mint/${periodId}`,
      tokenId: decoy.tokenId,
      amount: '1',
      memo: 'decoy',
    });

    const period = { orgId, projectId, period: PERIOD };
    await harness.gateway.closePeriod({ ...period, actor: actors.developer });
    await waitFor(
      async () => (await harness.gateway.status(periodId))?.state === 'awaiting_approval',
      300_000,
      'the monitoring report awaiting approval',
    );
    // The decision is accepted; the answer is the period's status after the mint failed for good.
    const answer = await harness.gateway.reportDecision({
      ...period,
      decision: 'approve',
      reason: 'report checked',
      reviewer: actors.verifier,
    });
    expect(answer?.status).toBe('ledger_failed');

    const failure = await harness.client.workflow
      .getHandle(periodId)
      .result()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const activity = (failure as WorkflowFailedError).cause;
    expect(activity).toBeInstanceOf(ActivityFailure);
    expect((activity as ActivityFailure).activityType).toBe('mintForPeriod');
    const cause = (activity as ActivityFailure).cause as ApplicationFailure;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause.type).toBe('IDEMPOTENCY_CONFLICT');
    expect(cause.nonRetryable).toBe(true);

    // One attempt only: the history has a single start of the mint activity.
    const { starts } = await activityHistory(harness.client, periodId, 'mintForPeriod');
    expect(starts.map((start) => start.attempt)).toEqual([1]);

    const stored = await issuanceStore(harness.mongo.db).getPeriod(
      issueTenantScope(orgId),
      projectId,
      PERIOD,
    );
    expect(stored?.status).toBe('ledger_failed');
    const details = stored?.details as { ledgerFailure?: { type: string; message: string } } | undefined;
    expect(details?.ledgerFailure?.type).toBe('IDEMPOTENCY_CONFLICT');
    expect(details?.ledgerFailure?.message).toContain('IDEMPOTENCY_CONFLICT');
  }, 600_000);
});
