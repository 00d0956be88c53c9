import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from 'mongodb';
import { hashDocument } from '../../engine/anchoring/index.ts';
import { computeMethodology } from '../../engine/methodology/compute-methodology.ts';
import { MethodologyError } from '../../engine/methodology/methodology-error.ts';
import { type EnergyDocument, periodEnergy, readingEnergy } from '../../engine/methodology/period-energy.ts';
import { periodEnergyByScope, type ScopeEnergy } from '../../engine/methodology/period-energy-by-scope.ts';
import { anchorBatchStore } from '../../store/anchor-batch-store.ts';
import { credentialStore } from '../../store/credential-store.ts';
import { readingPipelineStore } from '../../store/reading-pipeline-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import type { AnchorRef } from './ledger-activities.ts';
import { loadProjectContext } from './project-context.ts';
import { readingClaim, reviewsByLeaf } from './reading-claim.ts';

export interface PeriodComputation {
  periodStart: string;
  periodEnd: string;
  egMwh: number;
  tegMwh: number;
  /** EG and TEG per metering scope (`plant` or a unit id), from the same counted readings (absent in
   * periods computed before it was recorded). */
  egByScope?: ScopeEnergy[];
  efGridTco2PerMwh: number;
  beTco2e: number;
  peTco2e: number;
  leTco2e: number;
  erTco2e: number;
  eligible: boolean;
  reason?: string;
  /** Smallest token units, floor(ER × 10^decimals), as a decimal string. */
  amount: string;
  decimals: number;
  /** Readings by stored status; `counted` (absent before verdicts were anchored): those in EG. */
  readings: { approved: number; flagged: number; rejected: number; received: number; counted?: number };
  /** The anchored reading batches of the period: every verdict, so rejected readings' batches too. */
  batches: (AnchorRef & { credentialId?: string })[];
  /**
   * The verifiers' decisions on the period's flagged readings, as counted (ReviewDecision
   * credentials issued before this computation): the trust chain claims exactly these.
   */
  reviews?: PeriodReview[];
  /** The anchors of those ReviewDecision credentials (batches of one). */
  reviewBatches?: AnchorRef[];
  /** Devices with approved readings not yet anchored (the period waits for their flush). */
  unanchoredDevices: string[];
}

export interface PeriodReview {
  readingId: string;
  decision: 'approve' | 'reject';
  credentialId: string;
}

/** `YYYY-MM` → [first instant, first instant of the next month) in UTC. */
export function periodRange(period: string): { start: string; end: string } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return {
    start: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
    end: new Date(Date.UTC(year, month, 1)).toISOString(),
  };
}

/** Exported and gross energy of one stored telemetry document, in MWh (engine/units conversion). */
export function energyOf(documentJson: string): { exportMwh: number; grossMwh: number } {
  return readingEnergy(JSON.parse(documentJson) as EnergyDocument);
}

/**
 * Monitoring-period aggregation: EG from the anchored readings that count (reading-claim.ts: approved
 * by the rules, or flagged and approved by a verifier's ReviewDecision), then the methodology.
 */
export function createPeriodActivities(deps: { db: Db }) {
  const readings = readingPipelineStore(deps.db);
  const batches = anchorBatchStore(deps.db);
  const credentials = credentialStore(deps.db);

  return {
    async computePeriod(input: {
      orgId: string;
      projectId: string;
      period: string;
    }): Promise<PeriodComputation> {
      const scope = issueTenantScope(input.orgId);
      const { start, end } = periodRange(input.period);
      // The plant as the registry attested it for this period (the auditor picks the same version).
      const ctx = await loadProjectContext(deps.db, scope, input.projectId, new Date(start));
      const inPeriod = await readings.inRange(scope, input.projectId, start, end);
      const anchoredIn = await batches.readingVerdicts(scope, input.projectId);
      const reviewOf = reviewsByLeaf(
        await credentials.list(scope, { type: 'ReviewDecision', projectId: input.projectId }),
      );
      const batchIds = new Map<string, string>();
      const unanchored = new Set<string>();
      const counted: EnergyDocument[] = [];
      const reviews: PeriodReview[] = [];
      const reviewBatches = new Map<string, AnchorRef>();
      for (const r of inPeriod) {
        if (r.status === 'RECEIVED') continue;
        const anchored = anchoredIn.get(r._id);
        // Every verdict is anchored: the period waits for its device to anchor it (flushAnchors).
        if (!anchored) {
          unanchored.add(r.deviceId);
          continue;
        }
        batchIds.set(anchored.batchId, r.deviceId);
        let review: 'approve' | 'reject' | undefined;
        if (anchored.verdict?.status === 'FLAGGED') {
          const credential = reviewOf.get(hashDocument(JSON.parse(r.documentJson)));
          // Decided, but the reviewer's credential not issued or anchored yet: wait for it too.
          if (r.review && !credential?.anchor) unanchored.add(r.deviceId);
          if (credential) {
            review = credential.decision;
            reviews.push({ readingId: r._id, decision: review, credentialId: credential.credentialId });
            if (credential.anchor) reviewBatches.set(credential.anchor.batchId, credential.anchor);
          }
        }
        if (readingClaim({ verdict: anchored.verdict, review, status: r.status }) === 'APPROVED') {
          counted.push(JSON.parse(r.documentJson) as EnergyDocument);
        }
      }
      // The same function, in the same order, as an auditor's `mrv chain verify` recomputes EG with.
      const { egMwh, tegMwh } = periodEnergy(counted);
      const scopes = new Map((ctx.plant.devices ?? []).map((d) => [d.device_id, d.scope]));
      const egByScope = periodEnergyByScope(counted, (did) => scopes.get(did));
      let result: ReturnType<typeof computeMethodology>;
      try {
        result = computeMethodology({
          policy: ctx.policy,
          plant: ctx.plant,
          egMwh,
          tegMwh,
          overrides: ctx.overrides,
        });
      } catch (error) {
        // Inputs out of the policy's bounds (e.g. a grid factor raised tenfold) fail on every retry:
        // the period workflow ends in a visible `computation_failed` state instead of retrying forever.
        if (error instanceof MethodologyError)
          throw ApplicationFailure.nonRetryable(error.message, 'MethodologyFailed');
        throw error;
      }
      const counts: Partial<Record<string, number>> = {};
      for (const r of inPeriod) counts[r.status] = (counts[r.status] ?? 0) + 1;
      const refs: PeriodComputation['batches'] = [];
      for (const [id, deviceId] of [...batchIds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const b = await batches.get(scope, id);
        // A batch whose VerifiedReadingBatch credential is not linked yet is still being anchored by
        // its device workflow: the close waits for it, so the trust chain carries that credential.
        if (b && !b.credentialId) unanchored.add(deviceId);
        if (b)
          refs.push({
            batchId: b._id,
            topicId: b.topicId,
            sequenceNumber: b.sequenceNumber,
            credentialId: b.credentialId,
          });
      }
      return {
        periodStart: start,
        periodEnd: end,
        egMwh: result.eg_mwh,
        tegMwh,
        egByScope,
        efGridTco2PerMwh: result.ef_grid_tco2_per_mwh,
        beTco2e: result.be_tco2e,
        peTco2e: result.pe_tco2e,
        leTco2e: result.le_tco2e,
        erTco2e: result.er_tco2e,
        eligible: result.eligible,
        ...(result.reason ? { reason: result.reason } : {}),
        amount: String(result.token.amount),
        decimals: result.token.decimals,
        readings: {
          approved: counts.APPROVED ?? 0,
          flagged: counts.FLAGGED ?? 0,
          rejected: counts.REJECTED ?? 0,
          received: counts.RECEIVED ?? 0,
          counted: counted.length,
        },
        batches: refs,
        reviews,
        reviewBatches: [...reviewBatches.values()].sort((a, b) => (a.batchId < b.batchId ? -1 : 1)),
        unanchoredDevices: [...unanchored].sort(),
      };
    },
  };
}
