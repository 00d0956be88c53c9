import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../observability/logger.ts';
import { RESTORE_MARKER, resumeAfterRestore } from '../../../stack/backup/resume-after-restore.ts';
import { organizationStore } from '../../../store/organization-store.ts';
import { type PipelineHarness, startPipelineHarness } from '../../support/pipeline-harness.ts';
import { registerDevices, waitVerified } from '../../workflows/support/drive-pipeline.ts';
import { type SeededProject, seedProject } from '../../workflows/support/seed-project.ts';

/**
 * After a restore, MongoDB holds readings (stored, answered 2xx) that the older Temporal snapshot
 * never heard of. The first start hands each one still RECEIVED to its device workflow, which
 * verifies it exactly as it would have: the same verdicts as the pure engine's.
 */
describe('the first start of a restored stack', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    harness = await startPipelineHarness('resume-after-restore');
    await harness.startWorker();
    // An organization as signing up leaves it: the resume walks every organization there is.
    const org = await organizationStore(harness.mongo.db).create({ name: 'Restored Hydro', now: new Date() });
    seeded = await seedProject(harness.mongo.db, { days: 1, seed: 7, orgId: org.orgId });
    await registerDevices(harness, seeded);
  }, 240_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('hands every RECEIVED reading to its workflow once, then leaves the marker as done', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mrv-restored-'));
    const logger = createLogger({ name: 'test', level: 'silent' });
    const db = harness.mongo.db;
    // Not restored: nothing happens.
    expect(await resumeAfterRestore({ dataDir, db, workflows: harness.gateway, logger })).toBeNull();

    writeFileSync(
      join(dataDir, RESTORE_MARKER),
      JSON.stringify({ backup_created_at: new Date().toISOString() }),
    );
    const ids = [...seeded.readings.values()].flat().map((r) => r._id);
    const resumed = await resumeAfterRestore({ dataDir, db, workflows: harness.gateway, logger });
    expect(resumed).toEqual({ readings: ids.length, devices: seeded.devices.length });
    expect(existsSync(join(dataDir, RESTORE_MARKER))).toBe(false);
    expect(existsSync(join(dataDir, `${RESTORE_MARKER}.done`))).toBe(true);

    const stored = await waitVerified(db, seeded, ids);
    expect(Object.fromEntries(stored.map((r) => [r._id, r.status]))).toEqual(
      Object.fromEntries(seeded.engineVerdicts),
    );
    // A second start finds the marker done and signals nothing again.
    expect(await resumeAfterRestore({ dataDir, db, workflows: harness.gateway, logger })).toBeNull();
  }, 300_000);
});
