import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric of the system, in one registry. API, worker, ledger, store and workflow
 * code import the metric objects from here; deploy/grafana and deploy/prometheus refer to them by
 * name (test/observability/metric-names.test.ts checks that every name they use is registered).
 *
 * Label cardinality is bounded on purpose: `organization`, `route`, `rule`, `type`, `outcome` and
 * the like come from small closed sets. Never put a device DID, reading id, transaction id or
 * workflow id in a label — those belong in logs and traces.
 */
export const metricsRegistry = new Registry();

// Process CPU, memory, event-loop lag and GC of the Node process itself (`process_*`, `nodejs_*`).
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];
/** Latency buckets in seconds, from a fast Mongo read to a slow Hedera receipt. */
const latencyBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

// ---------------------------------------------------------------- HTTP (api/)

/** HTTP requests answered, by method, route pattern (`/v1/devices/:id`, never the raw path) and status code. */
export const httpRequestsTotal = new Counter({
  name: 'mrv_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers,
});

/** Time to answer an HTTP request, by method, route pattern and status code. */
export const httpRequestDurationSeconds = new Histogram({
  name: 'mrv_http_request_duration_seconds',
  help: 'Time to answer an HTTP request in seconds, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: latencyBuckets,
  registers,
});

/** HTTP requests being served right now. */
export const httpRequestsInFlight = new Gauge({
  name: 'mrv_http_requests_in_flight',
  help: 'HTTP requests being served right now.',
  registers,
});

// ---------------------------------------------------------------- telemetry and verification

/** Outcome of `POST /v1/telemetry` for one document. */
export type TelemetrySubmissionStatus =
  | 'accepted'
  | 'duplicate'
  | 'invalid'
  | 'bad_signature'
  | 'unknown_device'
  | 'rate_limited'
  | 'error';

/** Telemetry documents submitted, by organization and `TelemetrySubmissionStatus`. */
export const telemetrySubmissionsTotal = new Counter({
  name: 'mrv_telemetry_submissions_total',
  help: 'Telemetry documents submitted, by organization and status (accepted, duplicate, invalid, bad_signature, unknown_device, rate_limited, error).',
  labelNames: ['organization', 'status'] as const,
  registers,
});

/** Readings verified, by organization and verdict (`APPROVED`, `FLAGGED`, `REJECTED`). */
export const verificationsTotal = new Counter({
  name: 'mrv_verifications_total',
  help: 'Readings verified, by organization and verdict (APPROVED, FLAGGED, REJECTED).',
  labelNames: ['organization', 'status'] as const,
  registers,
});

/** Time to verify one batch of readings (engine call plus history load), by organization. */
export const verificationDurationSeconds = new Histogram({
  name: 'mrv_verification_duration_seconds',
  help: 'Time to verify one batch of readings in seconds, by organization.',
  labelNames: ['organization'] as const,
  buckets: latencyBuckets,
  registers,
});

/** Trust score (0..1) given to each verified reading, by organization. */
export const trustScore = new Histogram({
  name: 'mrv_trust_score',
  help: 'Trust score (0..1) of each verified reading, by organization.',
  labelNames: ['organization'] as const,
  buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1],
  registers,
});

/** Findings produced by verification, by rule id (the closed rule catalog) and severity. */
export const findingsTotal = new Counter({
  name: 'mrv_findings_total',
  help: 'Verification findings, by rule id and severity.',
  labelNames: ['rule', 'severity'] as const,
  registers,
});

// ---------------------------------------------------------------- human review

/** Open reviews waiting for a verifier, by organization and policy (set by `observeReviewQueue`). */
export const reviewQueueDepth = new Gauge({
  name: 'mrv_review_queue_depth',
  help: 'Open reviews waiting for a verifier, by organization and policy.',
  labelNames: ['organization', 'policy'] as const,
  registers,
});

/** Age of the oldest open review in seconds, by organization and policy. */
export const reviewOldestAgeSeconds = new Gauge({
  name: 'mrv_review_oldest_age_seconds',
  help: 'Age in seconds of the oldest open review, by organization and policy.',
  labelNames: ['organization', 'policy'] as const,
  registers,
});

/** The policy's review SLA in seconds (the alert compares the oldest review's age with it). */
export const reviewSlaSeconds = new Gauge({
  name: 'mrv_review_sla_seconds',
  help: "The policy's review SLA in seconds, by organization and policy.",
  labelNames: ['organization', 'policy'] as const,
  registers,
});

/** Review decisions, by organization and decision (`approved`, `rejected`, `escalated`, `expired`). */
export const reviewDecisionsTotal = new Counter({
  name: 'mrv_review_decisions_total',
  help: 'Review decisions, by organization and decision (approved, rejected, escalated, expired).',
  labelNames: ['organization', 'decision'] as const,
  registers,
});

/** Time from opening a review to its decision, by organization. */
export const reviewDecisionSeconds = new Histogram({
  name: 'mrv_review_decision_seconds',
  help: 'Seconds from opening a review to its decision, by organization.',
  labelNames: ['organization'] as const,
  buckets: [60, 300, 900, 3600, 4 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400],
  registers,
});

// ---------------------------------------------------------------- Hedera (ledger/)

/** Kind of Hedera transaction. */
export type HederaTransactionType =
  | 'topic_create'
  | 'topic_message'
  | 'token_create'
  | 'token_mint'
  | 'token_associate'
  | 'account_create'
  | 'other';

/** Outcome of one submission attempt: anything but `success` counts toward the failure rate. */
export type HederaOutcome = 'success' | 'rejected' | 'retryable' | 'ambiguous' | 'unavailable';

/** Hedera transaction submission attempts, by `HederaTransactionType` and `HederaOutcome`. */
export const hederaTransactionsTotal = new Counter({
  name: 'mrv_hedera_transactions_total',
  help: 'Hedera transaction submission attempts, by type and outcome (success, rejected, retryable, ambiguous, unavailable).',
  labelNames: ['type', 'outcome'] as const,
  registers,
});

/** Time from submission to final receipt, by transaction type and outcome. */
export const hederaTransactionDurationSeconds = new Histogram({
  name: 'mrv_hedera_transaction_duration_seconds',
  help: 'Seconds from submitting a Hedera transaction to its final receipt, by type and outcome.',
  labelNames: ['type', 'outcome'] as const,
  buckets: latencyBuckets,
  registers,
});

/** Retries of Hedera operations, by transaction type and reason (a `LedgerErrorCode` or Hedera status). */
export const hederaRetriesTotal = new Counter({
  name: 'mrv_hedera_retries_total',
  help: 'Retries of Hedera operations, by type and reason (BUSY, UNAVAILABLE, RECEIPT_TIMEOUT, TRANSACTION_EXPIRED, ...).',
  labelNames: ['type', 'reason'] as const,
  registers,
});

/** Circuit-breaker state by breaker name: 0 closed, 1 half-open, 2 open (see `breakerStateValue`). */
export const hederaCircuitBreakerState = new Gauge({
  name: 'mrv_hedera_circuit_breaker_state',
  help: 'Circuit-breaker state by breaker: 0 closed, 1 half-open, 2 open.',
  labelNames: ['breaker'] as const,
  registers,
});

/** Ledger intents moved to the dead-letter state (retries exhausted), by transaction type. */
export const deadLettersTotal = new Counter({
  name: 'mrv_dead_letters_total',
  help: 'Ledger intents dead-lettered after exhausting retries, by transaction type.',
  labelNames: ['type'] as const,
  registers,
});

/** Dead-lettered intents still waiting for `mrv ledger replay`, by transaction type (sampled from the store). */
export const deadLettersPending = new Gauge({
  name: 'mrv_dead_letters_pending',
  help: 'Dead-lettered ledger intents not yet replayed, by transaction type.',
  labelNames: ['type'] as const,
  registers,
});

/** Readings per HCS anchor message (Merkle batch size). */
export const anchorBatchSize = new Histogram({
  name: 'mrv_anchor_batch_size',
  help: 'Readings committed by one HCS anchor message.',
  buckets: [1, 10, 50, 100, 500, 1000, 5000, 10000],
  registers,
});

// ---------------------------------------------------------------- issuance

/** Credits minted, in whole tonnes CO2e (not the token's smallest unit), by organization and methodology. */
export const creditsMintedTotal = new Counter({
  name: 'mrv_credits_minted_tco2e_total',
  help: 'Carbon credits minted in tonnes CO2e, by organization and methodology.',
  labelNames: ['organization', 'methodology'] as const,
  registers,
});

// ---------------------------------------------------------------- Temporal (recorded by observability/temporal)

/** Workflow executions started (first task run, not replays), by workflow type. */
export const workflowsStartedTotal = new Counter({
  name: 'mrv_workflows_started_total',
  help: 'Workflow executions started, by workflow type.',
  labelNames: ['workflow_type'] as const,
  registers,
});

/** Workflow executions completed successfully, by workflow type. */
export const workflowsCompletedTotal = new Counter({
  name: 'mrv_workflows_completed_total',
  help: 'Workflow executions completed successfully, by workflow type.',
  labelNames: ['workflow_type'] as const,
  registers,
});

/** Workflow executions that failed (or were cancelled), by workflow type. */
export const workflowsFailedTotal = new Counter({
  name: 'mrv_workflows_failed_total',
  help: 'Workflow executions that failed or were cancelled, by workflow type.',
  labelNames: ['workflow_type'] as const,
  registers,
});

/** Wall-clock time from workflow start to completion or failure, by workflow type and outcome. */
export const workflowDurationSeconds = new Histogram({
  name: 'mrv_workflow_duration_seconds',
  help: 'Seconds from workflow start to its end, by workflow type and outcome (completed, failed).',
  labelNames: ['workflow_type', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 5, 30, 60, 300, 3600, 86400, 7 * 86400],
  registers,
});

/** Activity attempts, by activity type and outcome (`completed`, `failed`). */
export const activityDurationSeconds = new Histogram({
  name: 'mrv_activity_duration_seconds',
  help: 'Seconds per activity attempt, by activity type and outcome (completed, failed).',
  labelNames: ['activity_type', 'outcome'] as const,
  buckets: latencyBuckets,
  registers,
});

// ---------------------------------------------------------------- MongoDB (store/)

/** MongoDB command latency, by command name, collection and outcome (`ok`, `error`). */
export const mongoCommandDurationSeconds = new Histogram({
  name: 'mrv_mongodb_command_duration_seconds',
  help: 'MongoDB command latency in seconds, by command, collection and outcome (ok, error).',
  labelNames: ['command', 'collection', 'outcome'] as const,
  buckets: latencyBuckets,
  registers,
});

// ---------------------------------------------------------------- mutual TLS and PKI (api/pki)

/** Why an mTLS handshake was refused, or `accepted` (api/pki/handshake-outcome.ts). */
export type MtlsHandshakeOutcome =
  | 'accepted'
  | 'no_certificate'
  | 'unknown_ca'
  | 'self_signed'
  | 'expired'
  | 'not_yet_valid'
  | 'revoked'
  | 'invalid'
  | 'tls_error';

/** Handshakes on the mutual-TLS listener, by outcome. */
export const mtlsHandshakesTotal = new Counter({
  name: 'mrv_mtls_handshakes_total',
  help: 'Handshakes on the mutual-TLS gateway listener, by outcome (accepted or why refused).',
  labelNames: ['outcome'] as const,
  registers,
});

/** Unrevoked gateway certificates that expire within 14 days, by organization. */
export const pkiCertificatesExpiringSoon = new Gauge({
  name: 'mrv_pki_certificates_expiring_soon',
  help: 'Unrevoked gateway certificates that expire within 14 days, by organization.',
  labelNames: ['organization'] as const,
  registers,
});

/** Maps the ledger's circuit-breaker state to the gauge value. */
export function breakerStateValue(state: 'CLOSED' | 'HALF_OPEN' | 'OPEN'): number {
  return state === 'OPEN' ? 2 : state === 'HALF_OPEN' ? 1 : 0;
}

// ---------------------------------------------------------------- logs (observability/log-shipper.ts)

/** Log lines sent to the log store (shipped), or given up on after retries or over the buffer bound (dropped). */
export const logLinesTotal = new Counter({
  name: 'mrv_log_lines_total',
  help: 'Log lines shipped to the log store, or dropped (store unreachable past the buffer bound or at shutdown).',
  labelNames: ['outcome'] as const,
  registers,
});
