/**
 * Throughput of the verification engine on signed telemetry, signature checks included.
 * Prints JSON: {readings, seconds, readings_per_s, p99_us, rss_mb, ...}. Single-threaded (one core).
 */
import { createVerifier, defaultVerificationConfig } from '../engine/verification/index.ts';
import { generateSyntheticPlant } from '../engine/verification/synthetic/index.ts';

const days = Number(process.env.BENCH_DAYS ?? 120);
const { plant, records, nowMs } = generateSyntheticPlant({ seed: 11, days, faultRate: 0.02 });
const lines = records.map((r) => r.line);

// Warm-up on a separate verifier so JIT and caches are hot but device history starts fresh.
const warm = createVerifier({ config: defaultVerificationConfig(), plant });
for (const line of lines.slice(0, 2000)) warm.verify(line, nowMs);

const verifier = createVerifier({ config: defaultVerificationConfig(), plant });
const durations = new Float64Array(lines.length);
const started = process.hrtime.bigint();
for (let i = 0; i < lines.length; i++) {
  const t0 = process.hrtime.bigint();
  verifier.verify(lines[i], nowMs);
  durations[i] = Number(process.hrtime.bigint() - t0) / 1000;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
durations.sort();
const stateBytes = plant.devices!.reduce(
  (sum, d) => sum + JSON.stringify(verifier.stateOf(d.device_id) ?? {}).length,
  0,
);
process.stdout.write(
  `${JSON.stringify({
    readings: lines.length,
    seconds: Number(seconds.toFixed(3)),
    readings_per_s: Math.round(lines.length / seconds),
    p50_us: Math.round(durations[Math.floor(lines.length * 0.5)]!),
    p99_us: Math.round(durations[Math.floor(lines.length * 0.99)]!),
    rss_mb: Math.round(process.memoryUsage().rss / 1048576),
    devices: plant.devices!.length,
    state_bytes_per_device: Math.round(stateBytes / plant.devices!.length),
  })}\n`,
);
