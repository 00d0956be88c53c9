import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FleetDevice } from './edge-fleet.ts';

// biome-ignore lint/suspicious/noExplicitAny: the drill reads a few fields of several response shapes
type Json = Record<string, any>;

/** One call to the API with the organization's key; throws on anything but 2xx. */
export async function callApi(options: {
  apiUrl: string;
  apiKey: string;
  method?: string;
  path: string;
  body?: string;
  contentType?: string;
}): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${options.apiUrl}${options.path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${options.apiKey}`,
      ...(options.body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' }),
    },
    body: options.body,
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await res.json()) as Json;
  if (!res.ok) throw new Error(`${options.path}: ${res.status} ${JSON.stringify(json)}`);
  return { status: res.status, json };
}

/**
 * The shipped hydro policy with Merkle batches of `batchSize` readings instead of 256, so that HCS
 * anchors happen all through the drill (every kill meets ledger work in flight), published, and a
 * project on it with `deviceCount` provisioned devices, each approved by the registry role.
 */
export async function setupProject(options: {
  apiUrl: string;
  apiKey: string;
  deviceCount: number;
  batchSize: number;
}): Promise<{ projectId: string; devices: FleetDevice[] }> {
  const api = (path: string, body?: string, contentType?: string) =>
    callApi({ apiUrl: options.apiUrl, apiKey: options.apiKey, path, body, contentType });
  const yaml = readFileSync('policies/hydro-ams-i-d.yaml', 'utf8').replace(
    /batch_size: \d+/,
    `batch_size: ${options.batchSize}`,
  );
  const draft = await api('/v1/policy-drafts?file_name=hydro-ams-i-d.yaml', yaml, 'application/yaml');
  const version = await api(`/v1/policy-drafts/${draft.json.id}/publish`, '');
  const plant = JSON.parse(readFileSync('policies/fixtures/hydro-ams-i-d/plant-small.json', 'utf8'));
  const project = await api(
    '/v1/projects',
    JSON.stringify({ plant: { ...plant, devices: [] }, policy_version_id: version.json.id }),
  );
  const projectId = project.json.id as string;
  const devices = await Promise.all(
    Array.from({ length: options.deviceCount }, async () => {
      const d = (await api('/v1/devices/provision', JSON.stringify({ project_id: projectId }))).json;
      const id = d.device.id as string;
      // Approval answers 409 until the device workflow reached pending_approval; 202 while it applies.
      const deadline = Date.now() + 120_000;
      while ((await api(`/v1/devices/${id}`)).json.policy_status !== 'active') {
        if (Date.now() > deadline) throw new Error(`device ${id} not active after 120 s`);
        await api(`/v1/devices/${id}/approve`, JSON.stringify({ reason: 'chaos drill' })).catch(
          () => undefined,
        );
        await sleep(200);
      }
      return {
        id,
        did: d.device.did as string,
        privateKey: createPrivateKey({ key: d.pairing.private_key_jwk, format: 'jwk' }),
      };
    }),
  );
  return { projectId, devices };
}
