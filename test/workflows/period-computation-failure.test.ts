import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuanceStore } from '../../store/issuance-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { workflowIds } from '../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import { actors, PERIOD } from './support/drive-pipeline.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';
import { waitFor } from './support/wait-for.ts';

describe('a period whose computation the methodology refuses', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    harness = await startPipelineHarness('computation_failure');
    seeded = await seedProject(harness.mongo.db, { days: 1, seed: 51 });
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('ends in a visible computation_failed state with the reason, never a stuck workflow', async () => {
    const { orgId, projectId } = seeded;
    // A hostile or careless operator raises the grid factor fivefold (0.758 → 3.79) in the database:
    // still a plant file (≤ 5), but outside the methodology's bounds for EF_grid ([0, 2]).
    const projects = harness.mongo.db.collection<{ _id: string; plantJson: string }>('projects');
    const stored = await projects.findOne({ _id: projectId, orgId });
    const plant = JSON.parse(stored!.plantJson) as { grid: { ef_tco2_per_mwh: number } };
    plant.grid.ef_tco2_per_mwh = 3.79;
    const raised = await projects.updateOne(
      { _id: projectId, orgId },
      { $set: { plantJson: JSON.stringify(plant) } },
    );
    expect(raised.modifiedCount).toBe(1);
    await harness.startWorker();
    await harness.gateway.closePeriod({ orgId, projectId, period: PERIOD, actor: actors.developer });
    const periodId = workflowIds.period(orgId, projectId, PERIOD);
    const handle = harness.client.workflow.getHandle(periodId);
    await waitFor(
      async () => (await handle.describe()).status.name === 'FAILED',
      120_000,
      'the period workflow failed',
    );
    const failure = (await handle.result().then(
      () => undefined,
      (error: unknown) => error,
    )) as { cause?: { message?: string } } | undefined;
    expect(failure?.cause?.message).toMatch(/cannot be computed: input EF_grid = 3\.79 .* outside \[0, 2\]/);
    const record = await issuanceStore(harness.mongo.db).getPeriod(
      issueTenantScope(orgId),
      projectId,
      PERIOD,
    );
    expect(record?.status).toBe('computation_failed');
    expect(JSON.stringify(record?.details)).toMatch(/EF_grid = 3\.79/);
  }, 300_000);

  it('ends as visibly when the plant itself no longer checks (a tenfold grid factor, past the schema)', async () => {
    const other = await seedProject(harness.mongo.db, { days: 1, seed: 52 });
    const { orgId, projectId } = other;
    const projects = harness.mongo.db.collection<{ _id: string; plantJson: string }>('projects');
    const stored = await projects.findOne({ _id: projectId, orgId });
    const plant = JSON.parse(stored!.plantJson) as { grid: { ef_tco2_per_mwh: number } };
    plant.grid.ef_tco2_per_mwh = 7.58;
    await projects.updateOne({ _id: projectId, orgId }, { $set: { plantJson: JSON.stringify(plant) } });
    await harness.gateway.closePeriod({ orgId, projectId, period: PERIOD, actor: actors.developer });
    const handle = harness.client.workflow.getHandle(workflowIds.period(orgId, projectId, PERIOD));
    await waitFor(
      async () => (await handle.describe()).status.name === 'FAILED',
      120_000,
      'the period workflow failed',
    );
    const record = await issuanceStore(harness.mongo.db).getPeriod(
      issueTenantScope(orgId),
      projectId,
      PERIOD,
    );
    expect(record?.status).toBe('computation_failed');
    expect(JSON.stringify(record?.details)).toMatch(
      /plant.*ef_tco2_per_mwh|ef_tco2_per_mwh.*7\.58|must be <= 5/,
    );
  }, 300_000);
});
