import { readFileSync } from 'node:fs';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '../../../api/app.ts';
import { type MtlsListener, startMtlsListener } from '../../../api/pki/mtls-listener.ts';
import { createPkiCache } from '../../../api/pki/pki-cache.ts';
import { selfSignedServerCertificate } from '../../../api/pki/server-certificate.ts';
import type { Plant } from '../../../engine/plant/index.ts';
import { parsePolicy } from '../../../engine/policy/parse-policy.ts';
import { policyHash } from '../../../engine/policy/policy-hash.ts';
import { createLogger } from '../../../observability/logger.ts';
import { newId } from '../../../store/ids.ts';
import { policyStore } from '../../../store/policy-store.ts';
import { projectStore } from '../../../store/project-store.ts';
import { issueTenantScope } from '../../../store/tenant-scope.ts';
import { workflowIds } from '../../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../../support/pipeline-harness.ts';
import { waitFor } from '../../workflows/support/wait-for.ts';
import { freePort } from './free-port.ts';

export const PLANT_UNITS: Plant['units'] = [
  { unit_id: 'U1', turbine: 'francis', capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 },
  { unit_id: 'U2', turbine: 'francis', capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 },
];

/**
 * The live stack an edge agent talks to: the real pipeline (FerretDB, Temporal, local Hedera, the
 * worker) behind the real API on an HTTP port and its mutual-TLS listener (the agent sends there), an
 * organization with the shipped AMS-I.D policy and a two-unit project. `start()` / `stop()` take both
 * listeners up and down (an outage) without touching the data behind them.
 */
export async function startEdgeStack(name: string) {
  const harness: PipelineHarness = await startPipelineHarness(name);
  await harness.startWorker();
  const port = await freePort();
  const mtlsPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const mtlsUrl = `https://127.0.0.1:${mtlsPort}`;
  const logger = createLogger({ level: 'silent' });
  const pki = createPkiCache({ db: harness.mongo.db, logger });
  const app = createApp({
    db: harness.mongo.db,
    workflows: harness.gateway,
    logger,
    publicUrl: url,
    checks: [],
    keyStore: harness.services.keyStore,
    pki,
    mtlsUrl,
  });
  const serverCert = await selfSignedServerCertificate('127.0.0.1');
  let server: ServerType | undefined;
  let mtls: MtlsListener | undefined;
  const start = async () => {
    if (!mtls) {
      mtls = await startMtlsListener({
        app,
        pki,
        host: '127.0.0.1',
        port: mtlsPort,
        serverCertPem: serverCert.certPem,
        serverKeyPem: serverCert.keyPem,
        logger,
      });
    }
    await new Promise<void>((resolve) => {
      if (server) return resolve();
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve());
      // Idle keep-alive sockets outlive a slow test step: no close-while-reused race (UND_ERR_SOCKET).
      (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 120_000;
    });
  };
  const stop = async () => {
    const listener = mtls;
    mtls = undefined;
    await listener?.close();
    await new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      s.close(() => resolve());
    });
  };
  await start();
  const res = await fetch(`${url}/v1/organizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${name} Hydro` }),
  });
  const registered = (await res.json()) as { organization: { id: string }; api_key: { key: string } };
  const orgId = registered.organization.id;
  const adminKey = registered.api_key.key;
  const scope = issueTenantScope(orgId);
  const source = readFileSync('policies/hydro-ams-i-d.yaml', 'utf8');
  const policy = parsePolicy(source, 'hydro-ams-i-d.yaml').policy!;
  const versionId = newId('pol');
  const hash = policyHash(policy);
  await policyStore(harness.mongo.db).publish(scope, {
    _id: versionId,
    policyId: policy.document.id,
    version: policy.document.version,
    title: policy.document.title,
    hash,
    source,
    fileName: 'hydro-ams-i-d.yaml',
    draftId: newId('pol'),
    publishedAt: new Date(),
  });
  const projectId = newId('prj');
  const plant = {
    plant_id: `edge-${name}`,
    name: `Edge ${name} HPP`,
    capacity_kw: 5600,
    units: PLANT_UNITS,
    grid: { name: 'India', ef_tco2_per_mwh: 0.758 },
    meter: { accuracy_class: 0.2 },
  };
  await projectStore(harness.mongo.db).insert(scope, {
    _id: projectId,
    plantId: plant.plant_id,
    name: plant.name,
    plant,
    policy: { versionId, policyId: policy.document.id, version: policy.document.version, hash },
    createdAt: new Date(),
  });
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  return {
    harness,
    url,
    mtlsUrl,
    /** What a gateway pins (`mrv-edge pair --server-ca`). */
    serverCertPem: serverCert.certPem,
    orgId,
    projectId,
    adminKey,
    api,
    start,
    stop,
    db: harness.mongo.db,
    /**
     * The admin's side of pairing (docs/edge.md): registers the gateway-made DIDs as devices, approves
     * them, and creates the gateway with its agent plan. Answers the pairing payload (the QR content).
     */
    async createGateway(
      name: string,
      devices: { did: string; ref: string; scope: string; poll_s?: number; sources: unknown[] }[],
      intervalS = 60,
    ) {
      const ids: string[] = [];
      for (const d of devices) {
        const r = await api('POST', '/v1/devices', {
          project_id: projectId,
          did: d.did,
          scope: d.scope,
          name: d.ref,
        });
        if (r.status !== 201) throw new Error(`register ${d.ref}: ${r.status} ${JSON.stringify(r.body)}`);
        ids.push(String(r.body.id));
      }
      for (const id of ids) await this.approve(id);
      const created = await api('POST', '/v1/gateways', {
        name,
        device_ids: ids,
        agent: {
          interval_s: intervalS,
          devices: devices.map(({ did: _did, scope: _scope, ...d }, i) => ({ device_id: ids[i], ...d })),
        },
      });
      if (created.status !== 201)
        throw new Error(`gateway: ${created.status} ${JSON.stringify(created.body)}`);
      return {
        payload: JSON.stringify(created.body.pairing),
        deviceIds: ids,
        gatewayId: String((created.body.gateway as { id: string }).id),
      };
    },
    /** Waits for the device's registration request and approves it as the registry (the admin key). */
    async approve(deviceId: string) {
      await waitFor(
        async () =>
          (await harness.gateway.status(workflowIds.device(orgId, deviceId)))?.state === 'pending_approval',
        120_000,
        `device ${deviceId} pending approval`,
      );
      const r = await api('POST', `/v1/devices/${deviceId}/approve`, { reason: 'meter inspected' });
      if (r.status !== 200) throw new Error(`approve ${deviceId}: ${r.status} ${JSON.stringify(r.body)}`);
    },
    readings: (deviceId: string) =>
      harness.mongo.db
        .collection<{
          seq: number;
          status: string;
          findings?: { rule: string; severity: string }[];
          _id: string;
          documentJson: string;
        }>('readings')
        .find({ orgId, deviceId })
        .sort({ seq: 1 })
        .toArray(),
    async close() {
      await stop();
      pki.stop();
      await harness.close();
    },
  };
}

export type EdgeStack = Awaited<ReturnType<typeof startEdgeStack>>;
