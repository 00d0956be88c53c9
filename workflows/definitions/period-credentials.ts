import type { AnchorRef } from '../activities/ledger-activities.ts';
import type { PeriodComputation } from '../activities/period-activities.ts';

/** What a period's credentials are about. */
export interface PeriodFacts {
  orgId: string;
  projectId: string;
  period: string;
  policyHash: string;
  computation: PeriodComputation;
}

export interface PeriodMint {
  tokenId: string;
  decimals: number;
  amount: string;
  transactionId: string;
}

/** The platform's values of the policy's declared fields (`known`), shared by both credentials. */
function knownFields({ projectId, policyHash, computation: c }: PeriodFacts) {
  return {
    project_id: { value: projectId },
    period_start: { value: c.periodStart },
    period_end: { value: c.periodEnd },
    eg: { value: c.egMwh, unit: 'MWh' },
    teg: { value: c.tegMwh, unit: 'MWh' },
    ef_grid: { value: c.efGridTco2PerMwh, unit: 'tCO2e/MWh' },
    be: { value: c.beTco2e, unit: 'tCO2e' },
    pe: { value: c.peTco2e, unit: 'tCO2e' },
    le: { value: c.leTco2e, unit: 'tCO2e' },
    er: { value: c.erTco2e, unit: 'tCO2e' },
    policy_hash: { value: policyHash },
    amount: { value: Number(c.amount) },
  };
}

const readingBatchesOf = (c: PeriodComputation) =>
  c.batches.map(({ topicId, sequenceNumber }) => ({ topicId, sequenceNumber }));

/** Subject and declared fields of a period's MonitoringReport: the computation and its anchors. */
export function monitoringReportClaims(facts: PeriodFacts) {
  const { orgId, projectId, period, policyHash, computation: c } = facts;
  return {
    subject: {
      id: `urn:mrv:period:${orgId}:${projectId}:${period}`,
      projectId,
      period,
      egMwh: c.egMwh,
      tegMwh: c.tegMwh,
      efGridTco2PerMwh: c.efGridTco2PerMwh,
      beTco2e: c.beTco2e,
      peTco2e: c.peTco2e,
      leTco2e: c.leTco2e,
      erTco2e: c.erTco2e,
      eligible: c.eligible,
      ...(c.reason ? { reason: c.reason } : {}),
      amount: c.amount,
      decimals: c.decimals,
      readingBatches: readingBatchesOf(c),
      policyHash,
    },
    known: knownFields(facts),
  };
}

/**
 * Subject and declared fields of a period's Issuance: the mint, the report it rests on (by hash),
 * and every anchor an auditor follows from the token back to the readings.
 */
export function issuanceClaims(
  facts: PeriodFacts & { mint: PeriodMint; reportCredentialId: string; reportAnchor?: AnchorRef },
) {
  const { orgId, projectId, period, policyHash, mint, reportAnchor } = facts;
  return {
    subject: {
      id: `urn:mrv:issuance:${orgId}:${projectId}:${period}`,
      tokenId: mint.tokenId,
      decimals: mint.decimals,
      amount: mint.amount,
      mintTransactionId: mint.transactionId,
      monitoringReport: facts.reportCredentialId,
      anchors: [
        ...readingBatchesOf(facts.computation),
        // The verifiers' decisions on flagged readings, each anchored on its own (reading-review.ts).
        ...(facts.computation.reviewBatches ?? []).map(({ topicId, sequenceNumber }) => ({
          topicId,
          sequenceNumber,
        })),
        ...(reportAnchor
          ? [{ topicId: reportAnchor.topicId, sequenceNumber: reportAnchor.sequenceNumber }]
          : []),
      ],
      policyHash,
    },
    known: {
      ...knownFields(facts),
      token_id: { value: mint.tokenId },
      amount: { value: Number(mint.amount) },
    },
    hashOf: { monitoring_report: facts.reportCredentialId },
  };
}
