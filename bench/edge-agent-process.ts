/**
 * The agent side of `npm run bench:edge`, in a process of its own so that its RSS is the agent's
 * alone (the API runs in the parent). argv: <data dir> of a paired gateway (it drains over mutual TLS
 * to the configured listener). Prints JSON on stdout.
 */
import { statSync } from 'node:fs';
import { buildDocument, type DeviceRunState } from '../edge/agent/build-document.ts';
import { tlsOf } from '../edge/agent/edge-agent.ts';
import { IntervalWindow } from '../edge/agent/interval-window.ts';
import { DocumentBuffer } from '../edge/buffer/document-buffer.ts';
import { edgePaths } from '../edge/cli/edge-paths.ts';
import { loadGateway } from '../edge/cli/load-gateway.ts';
import { privateKeyOf } from '../edge/keys/key-vault.ts';
import { drainOnce } from '../edge/sender/drain-buffer.ts';
import { createHttpClient } from '../edge/sender/http-client.ts';
import { resolvePoints } from '../edge/template/edge-template.ts';
import { loadTemplate } from '../edge/template/template-library.ts';
import type { PlantUnit } from '../engine/plant/index.ts';
import { createRandomSource, createRiver, operateUnit } from '../engine/verification/synthetic/index.ts';

const [dataDir, mode] = process.argv.slice(2) as [string, string | undefined];
const days = Number(process.env.BENCH_EDGE_DAYS ?? 7);
const batch = Number(process.env.BENCH_EDGE_BATCH ?? 500);
const intervals = days * 1440;
const paths = edgePaths(dataDir);
const { config, secrets } = loadGateway(paths);

// 1. build + sign + buffer.
const points = resolvePoints(loadTemplate('mrv-synthetic-plant'));
const random = createRandomSource(3);
const river = createRiver(random, 15, days);
const startMs = Math.floor((Date.now() - (days + 1) * 86_400_000) / 60_000) * 60_000;
const buffer = DocumentBuffer.open(paths.buffer, { maxMb: 1024 });
const keys = config.devices.map((d) => privateKeyOf(secrets.devices[d.did]!));
const states: DeviceRunState[] = config.devices.map(() => ({ seq: -1, counters: {} }));
const registers = config.devices.map(() => ({ exp: 1_000_000, gen: 1_010_000 }));
let built = 0;
const t0 = performance.now();
for (let i = 0; i < intervals; i++) {
  const endMs = startMs + (i + 1) * 60_000;
  const available = river(i / 60);
  const entries = config.devices.map((d, k) => {
    const unit = config.plant.units[k % 2]! as PlantUnit;
    const truth = operateUnit({ unit, availableM3s: available / 2, headM: 45, intervalS: 60, runShare: 1 });
    registers[k]!.exp += truth.exportKwh;
    registers[k]!.gen += truth.energyKwh;
    const w = new IntervalWindow();
    for (const p of points) {
      const value =
        p.sensor_id === 'exp_01'
          ? registers[k]!.exp
          : p.sensor_id === 'gen_01'
            ? registers[k]!.gen
            : p.sensor_id === 'pwr_01'
              ? truth.energyKwh * 60
              : p.sensor_id === 'flow_01'
                ? truth.flowM3s
                : 45;
      w.add(p, { value: Math.round(value * 10) / 10 }, endMs - 1000);
    }
    const result = buildDocument({
      state: states[k]!,
      window: w,
      endMs,
      nominalIntervalS: 60,
      plant: config.plant,
      scope: d.scope,
      did: d.did,
      key: keys[k]!,
    });
    states[k] = result.state;
    return { ref: d.ref, ...(result.document ? { document: result.document } : {}), state: result.state };
  });
  buffer.commit(entries, endMs);
  built += entries.filter((e) => e.document).length;
}
const buildS = (performance.now() - t0) / 1000;
const depth = buffer.depth();
const fileBytes = statSync(paths.buffer).size;
const rssFullMb = process.memoryUsage().rss / 1e6;
const buildFigures = {
  documents: built,
  seconds: round(buildS),
  documents_per_s: round(built / buildS),
  buffer_documents: depth.documents,
  buffer_file_bytes: fileBytes,
  buffer_bytes_per_document: round(fileBytes / Math.max(1, depth.documents)),
  json_bytes_per_document: round(depth.bytes / Math.max(1, depth.documents)),
};

if (mode === 'build-only') {
  buffer.close();
  process.stdout.write(
    `${JSON.stringify({
      build: { ...buildFigures, builder_rss_mb_under_tsx: round(rssFullMb) },
    })}\n`,
  );
  process.exit(0);
}

// 2. drain to the live API.
const client = createHttpClient({ baseUrl: config.api_url, tls: tlsOf(config, secrets) });
let accepted = 0;
let duplicates = 0;
let dead = 0;
let requests = 0;
let peakRssMb = rssFullMb;
const t1 = performance.now();
for (;;) {
  const step = await drainOnce(buffer, client, { batch });
  if (step.outcome === 'idle') break;
  requests++;
  if (step.outcome !== 'sent') {
    await new Promise((r) => setTimeout(r, step.waitMs ?? 500));
    continue;
  }
  accepted += step.accepted;
  duplicates += step.duplicates;
  dead += step.deadLettered;
  peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1e6);
}
const drainS = (performance.now() - t1) / 1000;
client.close();
buffer.close();
process.stdout.write(
  `${JSON.stringify({
    build: { ...buildFigures, agent_rss_mb_with_full_buffer: round(rssFullMb) },
    drain: {
      accepted,
      duplicates,
      dead_lettered: dead,
      requests,
      seconds: round(drainS),
      documents_per_s: round(accepted / drainS),
      agent_peak_rss_mb: round(peakRssMb),
    },
  })}\n`,
);

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
