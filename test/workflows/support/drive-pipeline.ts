import { readFileSync } from 'node:fs';
import type { Db } from 'mongodb';
import { computeMethodology } from '../../../engine/methodology/compute-methodology.ts';
import { parsePlant } from '../../../engine/plant/index.ts';
import { parsePolicy } from '../../../engine/policy/parse-policy.ts';
import { convert } from '../../../engine/units/index.ts';
import { anchorBatchStore } from '../../../store/anchor-batch-store.ts';
import { issuanceStore } from '../../../store/issuance-store.ts';
import { projectStore } from '../../../store/project-store.ts';
import { readingPipelineStore } from '../../../store/reading-pipeline-store.ts';
import { issueTenantScope } from '../../../store/tenant-scope.ts';
import { workflowIds } from '../../../workflows/shared.ts';
import type { PipelineHarness } from '../../support/pipeline-harness.ts';
import type { SeededProject } from './seed-project.ts';
import { waitFor } from './wait-for.ts';

/** The principals the shipped policy's roles name (API key ids in production). */
export const actors = {
  registry: { id: 'key_registry', role: 'registry' },
  verifier: { id: 'key_verifier', role: 'verifier' },
  developer: { id: 'key_developer', role: 'project_developer' },
} as const;

export const PERIOD = '2026-05';

/** Anchors the seeded policy version's publication, as the API's publish does, and waits for it. */
export async function publishPolicy(h: PipelineHarness, seeded: SeededProject): Promise<string> {
  const { workflowId } = await h.gateway.publishPolicy({
    orgId: seeded.orgId,
    policyVersionId: seeded.policyVersionId,
  });
  await h.client.workflow.getHandle(workflowId).result();
  return workflowId;
}

/** Starts each device's workflow (as the API's provisioning does) and has the registry approve it. */
export async function registerDevices(h: PipelineHarness, seeded: SeededProject): Promise<void> {
  const { orgId, projectId } = seeded;
  for (const d of seeded.devices) {
    await h.gateway.readingsAccepted({ orgId, projectId, deviceId: d.deviceId, readingIds: [] });
    await waitFor(
      async () =>
        (await h.gateway.status(workflowIds.device(orgId, d.deviceId)))?.state === 'pending_approval',
      120_000,
      `device ${d.deviceId} pending approval`,
    );
    const approved = await h.gateway.deviceCommand({
      orgId,
      deviceId: d.deviceId,
      command: 'approve',
      reason: 'meter inspected',
      actor: actors.registry,
      // The seeded readings start with the period: the registration is in force from then.
      effectiveFrom: `${PERIOD}-01T00:00:00.000Z`,
    });
    if (approved?.status !== 'active') throw new Error(`device ${d.deviceId} is ${approved?.status}`);
  }
}

/** Signals the stored readings' ids (claim check) in chunks, as the API does per accepted request. */
export async function submitReadings(
  h: PipelineHarness,
  seeded: SeededProject,
  chunk = 20,
): Promise<string[]> {
  for (const d of seeded.devices) {
    const ids = (seeded.readings.get(d.deviceId) ?? []).map((r) => r._id);
    for (let i = 0; i < ids.length; i += chunk) {
      await h.gateway.readingsAccepted({
        orgId: seeded.orgId,
        projectId: seeded.projectId,
        deviceId: d.deviceId,
        readingIds: ids.slice(i, i + chunk),
      });
    }
  }
  return [...seeded.readings.values()].flat().map((r) => r._id);
}

/** Waits until every reading has a verdict; returns the readings as stored. */
export async function waitVerified(db: Db, seeded: SeededProject, ids: string[]) {
  const scope = issueTenantScope(seeded.orgId);
  const pipeline = readingPipelineStore(db);
  await waitFor(
    async () => (await pipeline.getMany(scope, ids)).every((r) => r.status !== 'RECEIVED'),
    180_000,
    'every reading verified',
  );
  return await pipeline.getMany(scope, ids);
}

/** Whether every APPROVED reading among `ids` is a member of an anchored batch of the project. */
export async function approvedAllAnchored(
  db: Db,
  seeded: Pick<SeededProject, 'orgId' | 'projectId'>,
  ids: string[],
): Promise<boolean> {
  const scope = issueTenantScope(seeded.orgId);
  const anchored = await anchorBatchStore(db).readingMembership(scope, seeded.projectId);
  return (await readingPipelineStore(db).getMany(scope, ids))
    .filter((r) => r.status === 'APPROVED')
    .every((r) => anchored.has(r._id));
}

/** Closes the period on demand, approves the monitoring report, and waits for the stored trust chain. */
export async function closeAndIssue(h: PipelineHarness, seeded: SeededProject): Promise<void> {
  const period = { orgId: seeded.orgId, projectId: seeded.projectId, period: PERIOD };
  await h.gateway.closePeriod({ ...period, actor: actors.developer });
  const periodId = workflowIds.period(seeded.orgId, seeded.projectId, PERIOD);
  await waitFor(
    async () => (await h.gateway.status(periodId))?.state === 'awaiting_approval',
    300_000,
    'the monitoring report awaiting approval',
  );
  await h.gateway.reportDecision({
    ...period,
    decision: 'approve',
    reason: 'report checked',
    reviewer: actors.verifier,
  });
  const scope = issueTenantScope(seeded.orgId);
  await waitFor(
    async () =>
      (await issuanceStore(h.mongo.db).getIssuance(scope, `${seeded.projectId}/${PERIOD}`))
        ?.trustChainJson !== undefined,
    300_000,
    'the trust chain stored',
  );
}

/** floor(ER × 10^decimals) of the approved readings' export energy: what must be minted, exactly. */
export async function expectedMintAmount(
  db: Db,
  seeded: Pick<SeededProject, 'orgId' | 'projectId'>,
  ids: string[],
  policySource = readFileSync('policies/hydro-ams-i-d.yaml', 'utf8'),
): Promise<number> {
  const scope = issueTenantScope(seeded.orgId);
  const approved = (await readingPipelineStore(db).getMany(scope, ids)).filter(
    (r) => r.status === 'APPROVED',
  );
  const egMwh = approved.reduce((sum, r) => {
    const doc = JSON.parse(r.documentJson) as { readings: { type: string; value: number; unit: string }[] };
    return (
      sum +
      doc.readings
        .filter((x) => x.type === 'energy_export')
        .reduce((s, x) => s + convert(x.value, x.unit, 'MWh'), 0)
    );
  }, 0);
  const project = (await projectStore(db).get(scope, seeded.projectId))!;
  const policy = parsePolicy(policySource, 'policy.yaml').policy!;
  return computeMethodology({
    policy,
    plant: parsePlant({ ...project.plant, devices: [] }).plant!,
    egMwh: Number(egMwh.toPrecision(12)),
  }).token.amount;
}
