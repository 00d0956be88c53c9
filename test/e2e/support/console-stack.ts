import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../../api/app.ts';
import { createApiKey } from '../../../api/auth/create-api-key.ts';
import { createLogger } from '../../../observability/logger.ts';
import { apiKeyStore, type Scope } from '../../../store/api-key-store.ts';
import { readingPipelineStore } from '../../../store/reading-pipeline-store.ts';
import { issueTenantScope } from '../../../store/tenant-scope.ts';
import { workflowIds } from '../../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../../support/pipeline-harness.ts';
import { publishPolicy } from '../../workflows/support/drive-pipeline.ts';
import { type SeededProject, seedProject } from '../../workflows/support/seed-project.ts';
import { waitFor } from '../../workflows/support/wait-for.ts';
import type { ConsoleFixture } from '../console/fixture.ts';

const registry = { id: 'key_registry', role: 'registry' };

/**
 * The whole system on ephemeral ports for the console's browser tests: the API (real HTTP server,
 * serving /console), a worker, the local Hedera network and a throw-away database, with one project
 * whose telemetry has been verified (some readings FLAGGED and in review).
 */
export async function startConsoleStack(name = 'console'): Promise<{
  harness: PipelineHarness;
  fixture: ConsoleFixture;
  seeded: SeededProject;
  close(): Promise<void>;
}> {
  const harness = await startPipelineHarness(name);
  await harness.startWorker();
  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({ fetch: (req) => app!.fetch(req), hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = createApp({
    db: harness.mongo.db,
    workflows: harness.gateway,
    logger: createLogger({ level: 'silent' }),
    checks: [],
    publicUrl: url,
    mirrorUrl: harness.network.mirrorRestUrl,
    limits: { ratePerHour: 1_000_000 },
  });

  const orgName = 'Rio Claro Hydro';
  const registered = await fetch(`${url}/v1/organizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: orgName }),
  });
  const org = (await registered.json()) as { organization: { id: string }; api_key: { key: string } };
  // Seed 10: its two days hold a stuck run and a drift the verifier flags (seed 7 no longer does since
  // the learned baselines of issue 17; test/workflows/pipeline.test.ts moved the same way).
  const seeded = await seedProject(harness.mongo.db, { days: 2, seed: 10, orgId: org.organization.id });
  const { orgId, projectId, devices } = seeded;
  // As the API's publish does: the policy's hash is anchored before any reading is judged by it.
  await publishPolicy(harness, seeded);
  const tenant = issueTenantScope(orgId);
  const keyStore = apiKeyStore(harness.mongo.db);
  const key = async (keyName: string, scopes: Scope[], roles: string[]) =>
    (await createApiKey(keyStore, tenant, { name: keyName, scopes, roles, now: new Date() })).key;

  for (const d of devices) {
    await harness.gateway.readingsAccepted({ orgId, projectId, deviceId: d.deviceId, readingIds: [] });
    await waitFor(
      async () =>
        (await harness.gateway.status(workflowIds.device(orgId, d.deviceId)))?.state === 'pending_approval',
      60_000,
      'device registration request',
    );
    await harness.gateway.deviceCommand({
      orgId,
      deviceId: d.deviceId,
      command: 'approve',
      reason: 'meter inspected',
      actor: registry,
    });
  }
  for (const d of devices) {
    const ids = (seeded.readings.get(d.deviceId) ?? []).map((r) => r._id);
    for (let i = 0; i < ids.length; i += 20) {
      await harness.gateway.readingsAccepted({
        orgId,
        projectId,
        deviceId: d.deviceId,
        readingIds: ids.slice(i, i + 20),
      });
    }
  }
  const allIds = [...seeded.readings.values()].flat().map((r) => r._id);
  const pipeline = readingPipelineStore(harness.mongo.db);
  await waitFor(
    async () => (await pipeline.getMany(tenant, allIds)).every((r) => r.status !== 'RECEIVED'),
    180_000,
    'every reading verified',
  );
  const flagged = (await pipeline.getMany(tenant, allIds))
    .filter((r) => r.status === 'FLAGGED')
    .map((r) => r._id);
  for (const id of flagged) {
    await waitFor(
      async () => (await harness.gateway.status(workflowIds.readingReview(orgId, id)))?.state === 'in_review',
      60_000,
      'review open',
    );
  }
  const fixture: ConsoleFixture = {
    url,
    orgId,
    orgName,
    projectId,
    period: '2026-05',
    keys: {
      admin: org.api_key.key,
      verifier: await key('verifier', ['readings:read', 'review:write'], ['verifier']),
      author: await key('author', ['policy:write'], []),
      auditor: await key('auditor', ['readings:read'], []),
      developer: await key('developer', ['token:mint', 'readings:read'], ['project_developer']),
    },
    flagged,
  };
  return {
    harness,
    fixture,
    seeded,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await harness.close();
    },
  };
}

export function writeFixture(file: string, fixture: ConsoleFixture): void {
  writeFileSync(file, JSON.stringify(fixture), { mode: 0o600 });
}
