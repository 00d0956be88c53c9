import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { WORKFLOW_TASK_TIMEOUT } from '../../workflows/client.ts';
import type { DeviceWorkflowInput } from '../../workflows/definitions/device-lifecycle.ts';
import { flushAnchorsSignal, readingsAcceptedSignal } from '../../workflows/definitions/messages.ts';
import { workflowIds, workflowTypes } from '../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import {
  approvedAllAnchored,
  registerDevices,
  submitReadings,
  waitVerified,
} from './support/drive-pipeline.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';
import { waitFor } from './support/wait-for.ts';

describe('a long-lived device workflow', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    harness = await startPipelineHarness('continue_as_new');
    await harness.startWorker();
    seeded = await seedProject(harness.mongo.db, { days: 2, seed: 5 });
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('continues as new before its history grows long, keeping its lifecycle state, counters and readings', async () => {
    const { orgId, projectId } = seeded;
    const client = harness.client;
    const [device] = seeded.devices;
    const workflowId = workflowIds.device(orgId, device!.deviceId);
    // The same start the API makes, with the history limit lowered from 5,000 events to 40.
    const input: DeviceWorkflowInput = {
      orgId,
      projectId,
      deviceId: device!.deviceId,
      limits: { historyEventsBeforeContinue: 40 },
    };
    const started = await client.workflow.signalWithStart(workflowTypes.device, {
      taskQueue: harness.taskQueue,
      workflowId,
      args: [input],
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
      signal: readingsAcceptedSignal,
      signalArgs: [{ readingIds: [] }],
    });
    const firstRunId = started.signaledRunId;
    await registerDevices(harness, seeded);
    // Small claim-check signals: each becomes its own verification batch, so the history grows.
    const ids = await submitReadings(harness, seeded, 3);
    const verified = await waitVerified(harness.mongo.db, seeded, ids);
    expect(
      verified.filter((r) => r.deviceId === device!.deviceId && r.status === 'APPROVED').length,
    ).toBeGreaterThan(0);

    const first = await client.workflow.getHandle(workflowId, firstRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    const current = await client.workflow.getHandle(workflowId).describe();
    expect(current.runId).not.toBe(firstRunId);
    expect(current.status.name).toBe('RUNNING');
    // The new run keeps the longer workflow task timeout (a restarted worker's replay fits in it),
    // as does a device workflow the gateway starts.
    const taskTimeoutS = async (id: string) =>
      Number(
        (await client.workflow.getHandle(id).describe()).raw.executionConfig?.defaultWorkflowTaskTimeout
          ?.seconds,
      );
    expect(await taskTimeoutS(workflowId)).toBe(30);
    expect(await taskTimeoutS(workflowIds.device(orgId, seeded.devices[1]!.deviceId))).toBe(30);
    // The policy state survived: the device is still active in the new run.
    expect(await harness.gateway.status(workflowId)).toMatchObject({ state: 'active', status: 'active' });

    // Anchor numbering survived too: every approved reading lands in exactly one batch.
    await client.workflow.getHandle(workflowId).signal(flushAnchorsSignal);
    const scope = issueTenantScope(orgId);
    const mine = ids.filter((id) => seeded.readings.get(device!.deviceId)!.some((r) => r._id === id));
    await waitFor(
      async () => await approvedAllAnchored(harness.mongo.db, seeded, mine),
      120_000,
      'approved readings anchored',
    );
    const batches = await harness.mongo.db
      .collection<{ _id: string; members: string[] }>('anchor_batches')
      .find({ orgId, _id: { $regex: `^${workflowId}/anchor/` } })
      .toArray();
    const members = batches.flatMap((b) => b.members);
    expect(new Set(members).size).toBe(members.length);
    const approved = (await readingPipelineStore(harness.mongo.db).getMany(scope, mine)).filter(
      (r) => r.status === 'APPROVED',
    );
    expect(members.sort()).toEqual(approved.map((r) => r._id).sort());
  }, 600_000);
});
