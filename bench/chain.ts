/**
 * `mrv chain verify` throughput: a full month of a two-device plant at 15-minute intervals (≈ 5,800
 * signed readings, flagged ones reviewed by a verifier, rejected ones anchored too), built by the
 * hostile-issuer kit on the in-process local network, then verified end to end against its mirror
 * node (every signature, every verdict re-run, every figure recomputed). Prints one JSON object.
 *   npm run bench:chain        (DAYS=30 by default)
 */
import { performance } from 'node:perf_hooks';
import { verifyTrustChain } from '../identity/verify-trust-chain.ts';
import { startLocalHedera } from '../test/identity/fixtures/local-hedera.ts';
import { buildChain } from '../test/identity/hostile-issuer/build-chain.ts';
import { createParties } from '../test/identity/hostile-issuer/parties.ts';

const days = Number(process.env.DAYS ?? 30);
const hedera = await startLocalHedera();
try {
  const parties = await createParties();
  const builtAt = performance.now();
  const { bundle, entries } = await buildChain(hedera, parties, { days, faultRate: 0.02 });
  const buildSeconds = (performance.now() - builtAt) / 1000;
  const started = performance.now();
  const result = await verifyTrustChain({
    bundle,
    mirrorUrl: hedera.network.mirrorRestUrl,
    fetch,
    now: new Date().toISOString(),
    authorities: [parties.authority.did],
  });
  const seconds = (performance.now() - started) / 1000;
  const readings = result.readings?.checked ?? 0;
  process.stdout.write(
    `${JSON.stringify({
      readings,
      devices: new Set(entries.map((e) => e.document.device_id)).size,
      seconds: Number(seconds.toFixed(3)),
      readings_per_s: Math.round(readings / seconds),
      valid: result.valid,
      broken: result.checks
        .filter((c) => !c.ok)
        .slice(0, 5)
        .map((c) => `${c.link}: ${c.detail.slice(0, 160)}`),
      counted: result.readings?.counted,
      flagged_reviewed: result.readings?.flagged,
      credentials: bundle.presentation.verifiableCredential.length,
      bundle_bytes: JSON.stringify(bundle).length,
      build_seconds: Number(buildSeconds.toFixed(3)),
      conditions: {
        days,
        cadence_s: 900,
        mirror: 'in-process local network (ledger/local-network), loopback',
        ed25519: 'node:crypto (OpenSSL)',
        node: process.version,
        note: 'shared machine: figures are noisy',
      },
    })}\n`,
  );
} finally {
  await hedera.close();
}
