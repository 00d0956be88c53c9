import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient } from 'mongodb';
import { ensureDemoOrganization } from '../../api/ensure-demo-organization.ts';
import { type ChaosSystem, createChaosSystem } from './chaos-system.ts';
import { clockJumpOutcome, jumpClocks } from './clock-jump.ts';
import { closeAndIssue } from './close-period.ts';
import { diskFull } from './disk-full.ts';
import type { DrillOptions } from './drill-options.ts';
import { startFleet } from './edge-fleet.ts';
import { type FaultName, killAndRecover } from './kill-sequence.ts';
import { mirrorAudit } from './mirror-audit.ts';
import { recoveryProbes } from './recovery-probes.ts';
import { setupProject } from './setup-project.ts';
import { storeAudit, waitVerified } from './store-audit.ts';
import { supplyAudit } from './supply-audit.ts';
import { createTimeline } from './timeline.ts';

const PERIOD = '2026-05';
const oneAtATime: FaultName[] = ['api', 'worker', 'ferretdb', 'temporal', 'hedera'];

/** The whole drill: start, load, kill, restart, fill the disk, jump clocks, issue, audit. */
export async function runChaosDrill(options: DrillOptions) {
  const startedAt = Date.now();
  const timeline = createTimeline(startedAt);
  const system: ChaosSystem = await createChaosSystem({ storeDiskBytes: options.storeDiskBytes });
  const mongo = new MongoClient(system.mongoUri, { serverSelectionTimeoutMS: 5000 });
  try {
    for (const name of ['ferretdb', 'temporal', 'hedera', 'api', 'worker'] as const) {
      await system.components[name].start();
    }
    const db = mongo.db(system.dbName);
    const { orgId, apiKey } = await ensureDemoOrganization(db);
    const api = { apiUrl: system.apiUrl, apiKey: apiKey! };
    const { projectId, devices } = await setupProject({ ...api, ...options, deviceCount: options.devices });
    timeline.note(`${devices.length} devices active; telemetry starts`);
    const fleet = startFleet({ ...api, devices, periodMs: options.periodMs });
    const probes = recoveryProbes({
      fleet,
      db,
      orgId,
      mirrorUrl: system.mirrorUrl,
      deviceIds: devices.map((d) => d.id),
    });
    await sleep(options.settleMs);

    const samples: Record<string, (number | null)[]> = {};
    const everyDevice: Record<string, (number | null)[]> = {};
    for (let round = 0; round < options.rounds; round += 1) {
      for (const fault of [...oneAtATime, 'all' as const]) {
        const r = await killAndRecover({
          system,
          probes,
          fault,
          ...options,
          timeoutMs: options.recoveryTimeoutMs,
          timeline,
        });
        samples[fault] = [...(samples[fault] ?? []), r.recovery];
        everyDevice[fault] = [...(everyDevice[fault] ?? []), r.everyDevice];
        await sleep(options.settleMs);
      }
    }
    const disk = await diskFull({ system, fleet, fullMs: options.diskFullMs, timeline });
    timeline.note('clock jumps');
    const jumped = await jumpClocks(fleet);
    await sleep(options.settleMs);
    await fleet.stop();
    const loadEndedAt = Date.now();
    timeline.note('telemetry stopped');
    await waitVerified(db, orgId, 300_000);
    timeline.note('every reading has a verdict');
    const status = options.issue
      ? await closeAndIssue({ ...api, projectId, period: PERIOD, timeoutMs: 300_000 })
      : 'not closed (CHAOS_ISSUE=0)';
    const store = await storeAudit(db, orgId, fleet.delivered);
    const ledger = await mirrorAudit(system.mirrorUrl);
    const supply = await supplyAudit({ db, orgId, projectId, period: PERIOD, mirrorUrl: system.mirrorUrl });
    const inDiskFull = (atMs: number) => disk.run && atMs >= disk.window[0] && atMs <= disk.window[1];
    const worst = (xs: (number | null)[]) => (xs.includes(null) ? null : Math.max(...(xs as number[])));
    return {
      readings_2xx: fleet.delivered.length,
      readings_lost: store.lost.length,
      duplicate_messages: ledger.duplicate_messages,
      duplicate_mints: Math.max(0, ledger.mints.length - (status === 'issued' ? 1 : 0)),
      supply_exact: status === 'issued' && ledger.mints.length === 1 && supply.exact,
      recovery_s: Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, worst(xs)])),
      recovery_samples_s: samples,
      every_device_verifying_s: everyDevice,
      ledger_check: options.issue ? 'full issuance: period closed, report approved, minted' : 'anchor level',
      period_status: status,
      minted: supply.minted,
      recomputed: supply.expected,
      hcs_messages: ledger.hcs_messages,
      readings_stored: store.stored,
      verdicts: store.verdicts,
      statuses: fleet.statuses,
      crashes: Object.fromEntries(Object.entries(system.components).map(([k, c]) => [k, c.crashes()])),
      disk_full: disk.run
        ? { ...disk, readings_lost: store.lost.filter((l) => inDiskFull(l.atMs)).length }
        : disk,
      clock_jump: clockJumpOutcome(jumped, store.byKey),
      lost_sample: store.lost.slice(0, 10).map((l) => ({ ...l, when: timeline.placeOf(l.atMs) })),
      options,
      load_s: (loadEndedAt - startedAt) / 1000,
      drill_s: (Date.now() - startedAt) / 1000,
    };
  } finally {
    await mongo.close().catch(() => undefined);
    await system.close();
  }
}

export type DrillResult = Awaited<ReturnType<typeof runChaosDrill>>;
