import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from 'mongodb';
import { applyCalibrations } from '../../engine/plant/apply-calibrations.ts';
import type { DeviceState } from '../../engine/verification/device-state.ts';
import { closeReview } from '../../engine/verification/learn-from-reading.ts';
import { verifyReading } from '../../engine/verification/verify-reading.ts';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { type ReadingStatus, readingStore, type Verdict } from '../../store/reading-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { verifierStateStore } from '../../store/verifier-state-store.ts';
import { approvedCalibrationsOf } from './calibration-activities.ts';
import { progressReporter } from './heartbeat.ts';
import { loadProjectContext } from './project-context.ts';

export interface ReadingOutcome {
  readingId: string;
  /** The verifier's verdict (the policy then decides what the reading's status becomes). */
  status: 'APPROVED' | 'FLAGGED' | 'REJECTED';
  trustScore: number;
  /** Monitoring period (YYYY-MM, UTC) the reading's interval ends in. */
  period: string;
}

/** Readings verified between two turns of the event loop (a few milliseconds of CPU). */
const YIELD_EVERY = 25;
/** Compare-and-set attempts to close a review in the verifier state before the activity retries. */
const CLOSE_ATTEMPTS = 5;

function periodOf(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 7);
}

/** Verification and the reading writes that follow it. */
export function createReadingActivities(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const pipeline = readingPipelineStore(deps.db);
  const store = readingStore(deps.db);
  const states = verifierStateStore(deps.db);

  /**
   * The device's verifier stops learning while a review of one of its readings is open; the
   * decision reopens it (an approved reading teaches its values). Compare-and-set like the verify
   * activity; a concurrent batch wins and the close is retried on its fresh state.
   */
  async function closeVerifierReview(
    scope: ReturnType<typeof issueTenantScope>,
    reading: { deviceId: string; projectId: string; seq: number },
    decision: 'approve' | 'reject',
  ): Promise<void> {
    const ctx = await loadProjectContext(deps.db, scope, reading.projectId);
    for (let attempt = 0; attempt < CLOSE_ATTEMPTS; attempt++) {
      const stored = await states.get(scope, reading.deviceId);
      const state = stored?.state as DeviceState | null | undefined;
      if (!stored || !state) return;
      const closed = closeReview(state, { seq: reading.seq, decision }, ctx.verification);
      if (closed === state) return;
      const saved = await states.save(scope, {
        deviceId: reading.deviceId,
        state: closed,
        batch: stored.lastBatch ?? '',
        expectedVersion: stored.version,
        at: now(),
      });
      if (saved) return;
    }
    throw new Error(`verifier state of ${reading.deviceId} kept changing while closing a review`);
  }

  return {
    /**
     * Verifies a batch of one device's readings in seq order against the device's stored history and
     * records each verdict. Idempotent per `batchKey`: if the state after this batch was already
     * saved, the stored verdicts are returned instead of verifying again. Heartbeats its progress.
     */
    async verifyReadings(input: {
      orgId: string;
      projectId: string;
      deviceId: string;
      readingIds: string[];
      batchKey: string;
      /** The workflow's clock for the future-timestamp rule (deterministic on retry). */
      nowMs: number;
      /** False unless the policy's device lifecycle has the device active. */
      deviceActive: boolean;
    }): Promise<ReadingOutcome[]> {
      const scope = issueTenantScope(input.orgId);
      const readings = (await pipeline.getMany(scope, input.readingIds)).sort((a, b) => a.seq - b.seq);
      const stored = await states.get(scope, input.deviceId);
      const outcomeOf = (r: (typeof readings)[number]): ReadingOutcome => ({
        readingId: r._id,
        status: r.status === 'RECEIVED' ? 'REJECTED' : r.status,
        trustScore: r.trustScore ?? 0,
        period: periodOf(r.timestamp),
      });
      if (stored?.lastBatch === input.batchKey) return readings.map(outcomeOf);

      const ctx = await loadProjectContext(deps.db, scope, input.projectId);
      const device = readings[0]
        ? (ctx.plant.devices ?? []).find((d) => d.device_id === readings[0]!.did)
        : undefined;
      if (device) {
        device.active = input.deviceActive;
        // Certificates the verifier approved through the calibration workflow count as the meters' records.
        const approved = await approvedCalibrationsOf(deps.db, scope, input.deviceId);
        if (approved.length > 0) device.meters = applyCalibrations(device.meters, approved);
      }
      const context = { config: ctx.verification, plant: ctx.plant, nowMs: input.nowMs };
      let state = stored?.state as DeviceState | undefined;
      const outcomes: ReadingOutcome[] = [];
      const verdicts: Verdict[] = [];
      const at = now();
      const heartbeat = progressReporter();
      let checked = 0;
      for (const reading of readings) {
        // Signature and physics checks are CPU-bound: every few readings, give the event loop a
        // turn (other activities, workflow tasks, and this activity's heartbeats go out).
        if (++checked % YIELD_EVERY === 0) {
          heartbeat({ checked, of: readings.length });
          await yieldToEventLoop();
        }
        if (reading.status !== 'RECEIVED') {
          outcomes.push(outcomeOf(reading));
          continue;
        }
        const result = verifyReading(state, reading.documentJson, context);
        state = result.nextState ?? state;
        const { status, trust_score: trustScore, findings } = result.verdict;
        const stored = findings.map((f) => ({ ...f }) as { rule: string; severity: string; message: string });
        // Verdicts are computed in seq order (the state carries over); their writes are independent
        // and idempotent, so they go out as one bulk write instead of one round trip each.
        verdicts.push({ id: reading._id, status, findings: stored, trustScore, at });
        outcomes.push({ readingId: reading._id, status, trustScore, period: periodOf(reading.timestamp) });
      }
      await store.setVerdicts(scope, verdicts);
      const saved = await states.save(scope, {
        deviceId: input.deviceId,
        state: state ?? null,
        batch: input.batchKey,
        expectedVersion: stored?.version ?? 0,
        at,
      });
      // Another writer advanced the state: fail so Temporal retries against the fresh state.
      if (!saved) throw new Error(`verifier state of ${input.deviceId} changed concurrently`);
      // Anchoring and the batch credential read these again; keep what they need in this worker.
      const findingsOf = new Map(verdicts.map((v) => [v.id, v.findings]));
      pipeline.rememberSettled(
        scope,
        readings.map((r) => ({ ...r, findings: findingsOf.get(r._id) ?? r.findings })),
      );
      return outcomes;
    },

    /** The statuses the policy's reading-review machine set (setStatus), in one write per status. */
    async setReadingStatuses(input: {
      orgId: string;
      outcomes: { readingId: string; status: ReadingStatus }[];
    }) {
      const scope = issueTenantScope(input.orgId);
      await pipeline.setStatuses(
        scope,
        input.outcomes.map((o) => ({ id: o.readingId, status: o.status })),
      );
    },

    /** A verifier's decision on a flagged reading, kept on the reading for the audit trail. */
    async recordReviewDecision(input: {
      orgId: string;
      readingId: string;
      decision: 'approve' | 'reject';
      reason: string;
      reviewer: string;
      decidedAtMs: number;
    }) {
      const scope = issueTenantScope(input.orgId);
      await store.setReview(scope, input.readingId, {
        decision: input.decision,
        reason: input.reason,
        reviewer: input.reviewer,
        decidedAt: new Date(input.decidedAtMs),
      });
      const reading = await store.get(scope, input.readingId);
      if (reading) await closeVerifierReview(scope, reading, input.decision);
    },
  };
}
