import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { decodeTimeoutType } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushAnchorsSignal } from '../../workflows/definitions/messages.ts';
import { workflowIds } from '../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import { mongoUri, temporalAddress } from '../support/services.ts';
import { activityHistory } from './support/activity-history.ts';
import { registerDevices, submitReadings, waitVerified } from './support/drive-pipeline.ts';
import { ledgerCensus } from './support/ledger-census.ts';
import type { LedgerWorkerProcessConfig } from './support/ledger-worker-process.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';
import { waitFor } from './support/wait-for.ts';

const workerScript = fileURLToPath(new URL('./support/ledger-worker-process.ts', import.meta.url));

/** Starts the ledger-only worker process; resolves its stdout lines as they come. */
function startLedgerWorkerProcess(config: LedgerWorkerProcessConfig): {
  child: ChildProcess;
  line: (prefix: string) => Promise<string>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    env: { ...process.env, MRV_TEST_LEDGER_WORKER: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seen: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    seen.push(text);
    for (const w of waiters.filter((w) => text.startsWith(w.prefix))) w.resolve(text);
  });
  const line = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const found = seen.find((text) => text.startsWith(prefix));
      if (found) return resolve(found);
      waiters.push({ prefix, resolve });
      child.once('exit', (code) => reject(new Error(`ledger worker exited (${code}) before '${prefix}'`)));
    });
  return { child, line };
}

describe('a ledger worker process killed with SIGKILL in the middle of an anchor', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    harness = await startPipelineHarness('heartbeat');
    seeded = await seedProject(harness.mongo.db, { days: 1, seed: 31 });
  }, 180_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await harness?.close();
  });

  it('is found dead by its missing heartbeats, and a fresh worker completes the anchor once', async () => {
    const { orgId } = seeded;
    await harness.startWorker({ concerns: ['workflows', 'verification'] });
    const worker = startLedgerWorkerProcess({
      temporalAddress: temporalAddress(),
      taskQueue: harness.taskQueue,
      mongoUri: mongoUri(),
      dbName: harness.mongo.db.databaseName,
      masterKey: harness.operatorEnv.MRV_MASTER_KEY,
      grpcEndpoint: harness.network.grpcEndpoint,
      mirrorRestUrl: harness.network.mirrorRestUrl,
    });
    child = worker.child;
    await worker.line('ready');
    await registerDevices(harness, seeded);
    const ids = await submitReadings(harness, seeded);
    await waitVerified(harness.mongo.db, seeded, ids);
    const deviceId = seeded.devices[0]!.deviceId;
    const deviceWorkflow = harness.client.workflow.getHandle(workflowIds.device(orgId, deviceId));
    await deviceWorkflow.signal(flushAnchorsSignal);

    const crashedKey = (await worker.line('crashed ')).slice('crashed '.length);
    // While stuck after the ledger call, the attempt reports where it is.
    await waitFor(
      async () => {
        const pending = (await deviceWorkflow.describe()).raw.pendingActivities ?? [];
        const anchor = pending.find((a) => a.activityType?.name === 'anchorReadings');
        return JSON.stringify(anchor?.heartbeatDetails ?? {}).length > 2 && !!anchor?.lastHeartbeatTime;
      },
      60_000,
      'a heartbeat from the anchoring attempt',
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    await harness.startWorker({ concerns: ['ledger'] });
    const batchId = crashedKey.slice('anchor/'.length);
    // The anchor activity completes on the fresh worker (its history events are then written).
    const anchorHistory = () => activityHistory(harness.client, deviceWorkflow.workflowId, 'anchorReadings');
    await waitFor(async () => (await anchorHistory()).completed, 180_000, 'the anchor completed');
    const stored = await harness.mongo.db
      .collection('anchor_batches')
      .countDocuments({ _id: batchId as never });
    expect(stored).toBe(1);

    // The second attempt started because the first stopped heartbeating (not after 15 minutes).
    const retried = (await anchorHistory()).starts.find((s) => (s?.attempt ?? 1) > 1);
    expect(retried?.attempt).toBe(2);
    expect(decodeTimeoutType(retried?.lastFailure?.timeoutFailureInfo?.timeoutType)).toBe('HEARTBEAT');

    // The message the killed worker submitted is the one recorded: no second HCS message.
    const census = await ledgerCensus({
      db: harness.mongo.db,
      mirrorUrl: harness.network.mirrorRestUrl,
      orgId,
    });
    expect(census.batches.map((b) => `anchor/${b._id}`)).toContain(crashedKey);
    expect([...census.topicMessages.values()]).toEqual([census.batches.length]);
  }, 600_000);
});
