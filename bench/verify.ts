/**
 * Throughput of the verification engine on signed telemetry, signature checks included.
 * Prints JSON: {readings, seconds, readings_per_s, p99_us, rss_mb, ...}. Single-threaded (one core).
 * `without_signatures` repeats the run with the signature rule off, to show what the Ed25519 check costs;
 * `detection` is the per-kind detection report of the labeled synthetic stream (rates as in docs/verification.md).
 */
import {
  createVerifier,
  defaultVerificationConfig,
  type VerdictStatus,
} from '../engine/verification/index.ts';
import { detectionReport, generateSyntheticPlant } from '../engine/verification/synthetic/index.ts';

const days = Number(process.env.BENCH_DAYS ?? 120);
const { plant, records, nowMs } = generateSyntheticPlant({ seed: 11, days, faultRate: 0.02 });
const lines = records.map((r) => r.line);

/** Verifies every line once with a fresh verifier; returns elapsed seconds and per-reading µs. */
function pass(signatures: boolean) {
  const config = defaultVerificationConfig();
  config.rules.signature.enabled = signatures;
  // Warm-up on a separate verifier so JIT and caches are hot but device history starts fresh.
  const warm = createVerifier({ config, plant });
  for (const line of lines.slice(0, 2000)) warm.verify(line, nowMs);
  const verifier = createVerifier({ config, plant });
  const durations = new Float64Array(lines.length);
  const statuses: VerdictStatus[] = new Array(lines.length);
  const started = process.hrtime.bigint();
  for (let i = 0; i < lines.length; i++) {
    const t0 = process.hrtime.bigint();
    statuses[i] = verifier.verify(lines[i], nowMs).verdict.status;
    durations[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  durations.sort();
  return { verifier, seconds, durations, statuses };
}

const full = pass(true);
const engineOnly = pass(false);
const stateBytes = plant.devices!.reduce(
  (sum, d) => sum + JSON.stringify(full.verifier.stateOf(d.device_id) ?? {}).length,
  0,
);
const at = (d: Float64Array, q: number) => Math.round(d[Math.floor(d.length * q)]!);
const report = detectionReport(records.map((r, i) => ({ kind: r.kind, status: full.statuses[i]! })));
const round3 = (x: number) => Math.round(x * 1000) / 1000;
process.stdout.write(
  `${JSON.stringify({
    readings: lines.length,
    seconds: Number(full.seconds.toFixed(3)),
    readings_per_s: Math.round(lines.length / full.seconds),
    p50_us: at(full.durations, 0.5),
    p99_us: at(full.durations, 0.99),
    rss_mb: Math.round(process.memoryUsage().rss / 1048576),
    devices: plant.devices!.length,
    state_bytes_per_device: Math.round(stateBytes / plant.devices!.length),
    detection: {
      clean_approved: round3(report.clean_approved),
      hard_rejected: round3(report.hard_rejected),
      soft_not_approved: round3(report.soft_not_approved),
      per_kind: Object.fromEntries(report.kinds.map((k) => [k.kind, { n: k.count, rate: round3(k.rate) }])),
    },
    without_signatures: {
      readings_per_s: Math.round(lines.length / engineOnly.seconds),
      p50_us: at(engineOnly.durations, 0.5),
      p99_us: at(engineOnly.durations, 0.99),
    },
  })}\n`,
);
