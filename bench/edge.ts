/**
 * `npm run bench:edge`: the edge agent's throughput and footprint. Prints JSON on stdout.
 *
 * 1. build: 10 devices × 7 days of 1-minute intervals (≈100,800 documents) built from register and
 *    instant samples of the engine's plant model, signed (engine/telemetry) and committed to the
 *    durable buffer (one synchronous transaction per interval, as the agent does): documents/s,
 *    buffer bytes per document, agent RSS with the full buffer.
 * 2. drain: the full buffer delivered to the live API (real HTTP, FerretDB, Temporal, and the
 *    worker verifying as it goes) in batches of 500. The agent runs in a process of its own.
 *
 * Options (env): BENCH_EDGE_DEVICES (10), BENCH_EDGE_DAYS (7), BENCH_EDGE_BATCH (500).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { edgePaths } from '../edge/cli/edge-paths.ts';
import { keygenCommand } from '../edge/cli/keygen-command.ts';
import { pairCommand, parsePairingInput } from '../edge/cli/pair-command.ts';
import { startThrowawayServices } from '../stack/test-services.ts';
import { startEdgeStack } from '../test/edge/support/edge-stack.ts';
import { installTemporalRuntime } from '../workflows/temporal-runtime.ts';

const devices = Number(process.env.BENCH_EDGE_DEVICES ?? 10);
const days = Number(process.env.BENCH_EDGE_DAYS ?? 7);
const batch = Number(process.env.BENCH_EDGE_BATCH ?? 500);

installTemporalRuntime(undefined, 'ERROR');
const servers = await startThrowawayServices();
Object.assign(process.env, servers.env);
const stack = await startEdgeStack('bench_edge');
try {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-edge-'));
  const paths = edgePaths(dataDir);
  const dids = keygenCommand({ paths, count: devices });
  const created = await stack.createGateway(
    'bench',
    dids.map((did, i) => ({
      did,
      ref: `d${i}`,
      scope: i % 2 === 0 ? 'U1' : 'U2',
      sources: [
        {
          template: 'mrv-synthetic-plant',
          connection: { protocol: 'modbus-tcp', host: '127.0.0.1', unit_id: 1 },
        },
      ],
    })),
  );
  // Paired as docs/edge.md says: the agent then drains over mutual TLS with its certificate.
  await pairCommand({ pairing: parsePairingInput(created.payload), paths, serverCa: stack.serverCertPem });
  // The API runs in this process's event loop: the agent process must be awaited, never waited for synchronously.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/edge-agent-process.ts', dataDir], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`agent process exited ${code}`);
  const agent = JSON.parse(stdout) as { build: Record<string, number>; drain: Record<string, number> };
  const met =
    agent.drain.accepted! >= agent.build.documents! &&
    agent.drain.seconds! < 600 &&
    Math.max(agent.build.agent_rss_mb_with_full_buffer!, agent.drain.agent_peak_rss_mb!) < 150;
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'edge',
        conditions: {
          devices,
          days,
          interval_s: 60,
          batch,
          machine: 'shared 2-core machine with other agents running: figures are noisy',
          buffer: 'node-sqlite3-wasm, synchronous=FULL, one transaction per interval (all devices)',
          api: 'live API over HTTP on loopback, FerretDB + Temporal dev server; the worker runs too and verifies while the drain goes on (it competes for the 2 cores)',
          agent: 'a process of its own (RSS is the agent alone)',
        },
        ...agent,
        targets: { drain_100k_under_s: 600, rss_under_mb: 150, met },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await stack.close();
  await servers.stop();
}
