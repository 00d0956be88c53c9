/**
 * `npm run bench:console`: the web console in Debian's chromium against a real API (MongoDB-wire +
 * Temporal from `mrv services run`) holding 5,000 FLAGGED readings. Prints JSON: time until the review
 * queue is interactive, evidence-view render time, and bytes transferred per page (cold cache), with
 * which chunks each page loaded (Mermaid and the editor must load only in the policy workspace).
 */

import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { startApiServer } from '../api/start-api-server.ts';
import { loadConfig } from '../config/index.ts';
import { createLogger } from '../observability/logger.ts';
import { newId } from '../store/ids.ts';
import { connectMongo } from '../store/mongo.ts';
import { type Reading, readingStore } from '../store/reading-store.ts';
import { issueTenantScope } from '../store/tenant-scope.ts';

const FLAGGED = Number(process.env.BENCH_FLAGGED ?? 5000);
const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const dbName = `bench_console_${Date.now().toString(36)}`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function json(url: string, init: RequestInit & { key?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(url, { ...init, headers });
  const body = (await res.json()) as Record<string, any>;
  if (res.status >= 300)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const config = loadConfig({
  ...process.env,
  MONGODB_DB: dbName,
  API_RATE_LIMIT_PER_HOUR: '100000000',
  MRV_JWT_KEY_FILE: `/tmp/${dbName}.pem`,
  LOG_LEVEL: 'silent',
});
const server = await startApiServer({
  config,
  mongoUri,
  temporalAddress,
  logger: createLogger({ level: 'silent' }),
  port: 0,
});
const mongo = await connectMongo({ uri: mongoUri, dbName });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });

/** Bytes the page transferred (Resource Timing, cold cache), split into JavaScript and the rest. */
async function transferred(page: Page) {
  return await page.evaluate(() => {
    type Timing = { name: string; transferSize: number };
    const timings = performance as unknown as { getEntriesByType(t: string): Timing[] };
    const entries = [...timings.getEntriesByType('navigation'), ...timings.getEntriesByType('resource')];
    const js = entries.filter((e) => e.name.endsWith('.js'));
    return {
      total_bytes: entries.reduce((s, e) => s + e.transferSize, 0),
      js_bytes: js.reduce((s, e) => s + e.transferSize, 0),
      js_chunks: js.map((e) =>
        new URL(e.name).pathname
          .split('/')
          .pop()!
          .replace(/-[\w-]{8}\.js$/, ''),
      ),
    };
  });
}

try {
  const base = server.url;
  const org = await json(`${base}/v1/organizations`, {
    method: 'POST',
    body: JSON.stringify({ name: 'Bench Hydro' }),
  });
  const key = org.api_key.key as string;
  const draft = await json(`${base}/v1/policy-drafts?file_name=hydro-ams-i-d.yaml`, {
    method: 'POST',
    key,
    body: readFileSync('policies/hydro-ams-i-d.yaml', 'utf8'),
    headers: { 'content-type': 'application/yaml' },
  });
  const version = await json(`${base}/v1/policy-drafts/${draft.id}/publish`, { method: 'POST', key });
  const plant = JSON.parse(readFileSync('policies/fixtures/hydro-ams-i-d/plant-small.json', 'utf8'));
  const project = await json(`${base}/v1/projects`, {
    method: 'POST',
    key,
    body: JSON.stringify({ plant: { ...plant, devices: [] }, policy_version_id: version.id }),
  });
  const device = await json(`${base}/v1/devices/provision`, {
    method: 'POST',
    key,
    body: JSON.stringify({ project_id: project.id }),
  });
  // The queue's content: FLAGGED readings as the verifier workflow leaves them (seeded in the store).
  const now = Date.now();
  const readings: Omit<Reading, 'orgId'>[] = [];
  for (let seq = 1; seq <= FLAGGED; seq++) {
    const timestamp = new Date(Date.UTC(2026, 0, 1) + seq * 900_000).toISOString().replace('.000Z', 'Z');
    const energy = 120 + (seq % 13);
    readings.push({
      _id: newId('rdg'),
      projectId: project.id,
      deviceId: device.device.id,
      did: device.device.did,
      seq,
      timestamp,
      receivedAt: new Date(now - (FLAGGED - seq) * 60_000),
      verifiedAt: new Date(now - (FLAGGED - seq) * 60_000),
      documentJson: JSON.stringify({
        schema_version: '1.0.0',
        device_id: device.device.did,
        seq,
        timestamp,
        interval_s: 900,
        readings: [
          { type: 'energy', value: energy, unit: 'kWh' },
          { type: 'flow_rate', value: 1.2, unit: 'm3/s' },
          { type: 'head', value: 40, unit: 'm' },
        ],
      }),
      status: 'FLAGGED',
      findings: [
        {
          rule: 'physics.efficiency',
          severity: 'warning',
          message: 'implied efficiency high',
          measured: 1.02,
          limit: 0.95,
          unit: '1',
        },
      ],
    });
  }
  const store = readingStore(mongo.db);
  const tenant = issueTenantScope(org.organization.id);
  for (let i = 0; i < readings.length; i += 500)
    await store.insertManyOnce(tenant, readings.slice(i, i + 500));

  const fresh = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const signIn = await context.request.post(`${base}/v1/console/session`, { data: { api_key: key } });
    if (signIn.status() !== 201) throw new Error(`sign-in: ${signIn.status()}`);
    return { context, page: await context.newPage() };
  };

  // The same API calls the queue page makes, straight from Node (median of 3): what the page cannot
  // be faster than, so the console's own share is the difference, whatever the machine's load.
  const timeGet = async (path: string) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await json(`${base}${path}`, { key });
      runs.push(performance.now() - t);
    }
    return Math.round(runs.sort((x, y) => x - y)[1]!);
  };
  const api = {
    reviews_page_with_total_ms: await timeGet('/v1/reviews?limit=50'),
    projects_ms: await timeGet('/v1/projects'),
  };

  // Review queue: from navigation to the first page of 5,000 rendered with its total.
  const q = await fresh();
  const t0 = Date.now();
  await q.page.goto(`${base}/console/#/reviews`);
  await q.page.getByTestId('queue-total').waitFor();
  await q.page.locator('table.queue tbody tr').first().waitFor();
  const queueMs = Date.now() - t0;
  const queueNav = await q.page.evaluate(() => {
    const timings = performance as unknown as {
      getEntriesByType(t: string): { domContentLoadedEventEnd: number; loadEventEnd: number }[];
    };
    const n = timings.getEntriesByType('navigation')[0]!;
    return {
      dom_content_loaded_ms: Math.round(n.domContentLoadedEventEnd),
      load_ms: Math.round(n.loadEventEnd),
    };
  });
  const queueBytes = await transferred(q.page);
  const total = await q.page.getByTestId('queue-total').textContent();
  // Interactive: a key press moves the selection at once.
  const k0 = Date.now();
  await q.page.locator('body').press('j');
  await q.page.locator('table.queue tr.selected').nth(0).waitFor();
  const keyMs = Date.now() - k0;
  await q.context.close();

  // Evidence view of one flagged reading (charts drawn).
  const e = await fresh();
  const target = readings[Math.floor(FLAGGED / 2)]!._id;
  const e0 = Date.now();
  await e.page.goto(`${base}/console/#/reviews/${target}`);
  await e.page.locator('figure.chart canvas').nth(4).waitFor();
  const evidenceMs = Date.now() - e0;
  const evidenceBytes = await transferred(e.page);
  await e.context.close();

  // Policy workspace: the editor chunk loads here, Mermaid once the policy checks valid.
  const a = await fresh();
  await a.page.goto(`${base}/console/#/author`);
  await a.page.getByLabel('Start from a published policy').selectOption(version.id);
  await a.page.getByRole('img', { name: /State diagram of the reading_review/ }).waitFor({ timeout: 60_000 });
  const authorBytes = await transferred(a.page);
  await a.context.close();

  const lazy = (chunks: string[]) => ({
    editor_loaded: chunks.some((c) => c.startsWith('yaml-editor')),
    mermaid_loaded: chunks.some((c) => c.startsWith('mermaid')),
  });
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'console',
        conditions: {
          flagged_readings: FLAGGED,
          queue_page_size: 50,
          browser: `chromium ${browser.version()} (Debian), headless, 1280x800, cold cache per page`,
          server: 'API on loopback over FerretDB (SQLite) and the Temporal dev server',
          cpus: cpus().length,
          load_average_1m: loadavg()[0],
          note: 'shared machine (several agents at once): absolute times are noisy',
        },
        review_queue: {
          interactive_ms: queueMs,
          ...queueNav,
          key_response_ms: keyMs,
          shows: total,
          ...queueBytes,
          ...lazy(queueBytes.js_chunks),
        },
        api_alone: {
          ...api,
          evidence_ms: await timeGet(`/v1/readings/${target}/evidence`),
        },
        ratios: {
          queue_interactive_to_its_api_calls: Number(
            (queueMs / (api.reviews_page_with_total_ms + api.projects_ms)).toFixed(2),
          ),
          queue_interactive_to_target: Number((queueMs / 1500).toFixed(2)),
        },
        evidence_view: { render_ms: evidenceMs, ...evidenceBytes, ...lazy(evidenceBytes.js_chunks) },
        policy_workspace: { ...authorBytes, ...lazy(authorBytes.js_chunks) },
        targets: {
          queue_interactive_under_1500_ms: queueMs < 1500,
          first_page_js_under_500_kb: queueBytes.js_bytes < 500 * 1024,
          mermaid_and_editor_lazy:
            !lazy(queueBytes.js_chunks).editor_loaded && !lazy(queueBytes.js_chunks).mermaid_loaded,
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await browser.close();
  await mongo.db.dropDatabase().catch(() => undefined);
  await mongo.close();
  await server.close();
}
