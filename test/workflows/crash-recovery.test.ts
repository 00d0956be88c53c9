import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuanceStore } from '../../store/issuance-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { workflowIds } from '../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import { crashingLedger } from './support/crashing-ledger.ts';
import {
  closeAndIssue,
  expectedMintAmount,
  PERIOD,
  registerDevices,
  submitReadings,
  waitVerified,
} from './support/drive-pipeline.ts';
import { ledgerCensus } from './support/ledger-census.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';

describe('a worker that dies between a ledger call and the activity completion', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    harness = await startPipelineHarness('crash');
    seeded = await seedProject(harness.mongo.db, { days: 2, seed: 11 });
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('leaves no duplicate HCS message and no double mint, and the workflows complete on a fresh worker', async () => {
    const { orgId } = seeded;
    const real = harness.services.ledger;
    // Worker A dies inside the first reading-batch anchor, after its HCS message reached consensus.
    const anchorCrash = crashingLedger(real, 'submitMessage', (r) =>
      r.idempotencyKey.startsWith('anchor/device/'),
    );
    // Worker B (A's replacement) dies inside the mint, after the mint reached consensus.
    const mintCrash = crashingLedger(real, 'mint', () => true);
    const workerA = await harness.startWorker({ ledger: anchorCrash.ledger });
    const crashes = (async () => {
      await anchorCrash.crashed;
      await workerA.stop();
      const workerB = await harness.startWorker({ ledger: mintCrash.ledger });
      await mintCrash.crashed;
      await workerB.stop();
      await harness.startWorker();
    })();

    await registerDevices(harness, seeded);
    const ids = await submitReadings(harness, seeded);
    await waitVerified(harness.mongo.db, seeded, ids);
    await closeAndIssue(harness, seeded);
    await crashes;

    const periodId = workflowIds.period(orgId, seeded.projectId, PERIOD);
    expect((await harness.gateway.status(periodId))?.status).toBe('issued');
    const issuance = (await issuanceStore(harness.mongo.db).getIssuance(
      issueTenantScope(orgId),
      `${seeded.projectId}/${PERIOD}`,
    ))!;
    const census = await ledgerCensus({
      db: harness.mongo.db,
      mirrorUrl: harness.network.mirrorRestUrl,
      orgId,
      tokenId: issuance.tokenId,
    });
    // The crashed anchor was completed by the retry, with the message the first attempt submitted.
    const crashedKey = (await anchorCrash.crashed).idempotencyKey;
    expect(census.batches.map((b) => `anchor/${b._id}`)).toContain(crashedKey);
    expect(census.batches.some((b) => b.kind === 'readings')).toBe(true);
    // One HCS message per anchor batch, on the organization's one anchor topic: none twice.
    expect([...census.topicMessages.values()]).toEqual([census.batches.length]);
    expect(new Set(census.batches.map((b) => b.sequenceNumber)).size).toBe(census.batches.length);
    // One mint transaction, of exactly the computed amount.
    expect(census.token?.mints).toBe(1);
    expect(census.token?.totalSupply).toBe(String(await expectedMintAmount(harness.mongo.db, seeded, ids)));
  }, 600_000);
});
