import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialStore } from '../../store/credential-store.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { workflowIds } from '../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import {
  actors,
  closeAndIssue,
  expectedMintAmount,
  PERIOD,
  registerDevices,
  submitReadings,
  waitVerified,
} from './support/drive-pipeline.ts';
import { ledgerCensus } from './support/ledger-census.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';
import { waitFor } from './support/wait-for.ts';

describe('two workers on one task queue processing the same organization', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    harness = await startPipelineHarness('parallel');
    await harness.startWorker();
    await harness.startWorker();
    // Seed 10: its two days hold FLAGGED readings (seed 7's no longer do, see pipeline.test.ts).
    seeded = await seedProject(harness.mongo.db, { days: 2, seed: 10 });
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('issues each credential, anchor and mint once', async () => {
    const { orgId, projectId } = seeded;
    const db = harness.mongo.db;
    const scope = issueTenantScope(orgId);
    await registerDevices(harness, seeded);
    // Both devices' readings arrive at once, so both workers have work at the same time.
    const ids = await submitReadings(harness, seeded, 5);
    const flagged = (await waitVerified(db, seeded, ids)).filter((r) => r.status === 'FLAGGED');
    for (const r of flagged) {
      await waitFor(
        async () =>
          (await harness.gateway.status(workflowIds.readingReview(orgId, r._id)))?.state === 'in_review',
      );
    }
    // Every flagged reading is decided concurrently; each decision is accepted exactly once.
    const decisions = await Promise.all(
      flagged.map((r, i) =>
        harness.gateway.review({
          orgId,
          readingId: r._id,
          decision: i % 2 === 0 ? 'approve' : 'reject',
          reason: 'reviewed in parallel',
          reviewer: actors.verifier,
        }),
      ),
    );
    expect(decisions.map((d) => d?.status)).toEqual(
      flagged.map((_, i) => (i % 2 === 0 ? 'APPROVED' : 'REJECTED')),
    );
    await closeAndIssue(harness, seeded);

    const issuance = (await issuanceStore(db).getIssuance(scope, `${projectId}/${PERIOD}`))!;
    const census = await ledgerCensus({
      db,
      mirrorUrl: harness.network.mirrorRestUrl,
      orgId,
      tokenId: issuance.tokenId,
    });
    expect([...census.topicMessages.values()]).toEqual([census.batches.length]);
    expect(new Set(census.batches.map((b) => b.sequenceNumber)).size).toBe(census.batches.length);
    // Each reading, whatever its verdict, is in exactly one anchor batch.
    const anchoredReadings = census.batches.filter((b) => b.kind === 'readings').flatMap((b) => b.members);
    expect(new Set(anchoredReadings).size).toBe(anchoredReadings.length);
    expect([...anchoredReadings].sort()).toEqual([...ids].sort());
    expect(census.token?.mints).toBe(1);
    expect(census.token?.totalSupply).toBe(String(await expectedMintAmount(db, seeded, ids)));

    const credentials = await credentialStore(db).list(scope, { projectId });
    const count = (type: string) => credentials.filter((c) => c.type === type).length;
    expect(count('DeviceRegistration')).toBe(seeded.devices.length);
    expect(count('MonitoringReport')).toBe(1);
    expect(count('Issuance')).toBe(1);
    expect(count('VerifiedReadingBatch')).toBe(census.batches.filter((b) => b.kind === 'readings').length);
    // One anchor per credential that the policy anchors and per review decision, and none twice.
    const anchoredCredentials = census.batches
      .filter((b) => b.kind === 'credential')
      .flatMap((b) => b.members);
    expect(new Set(anchoredCredentials).size).toBe(anchoredCredentials.length);
    expect(anchoredCredentials.length).toBe(seeded.devices.length + 2 + flagged.length);
  }, 600_000);
});
