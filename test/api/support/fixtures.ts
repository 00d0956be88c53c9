import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { ApiEnv } from '../../../api/env.ts';
import { signTelemetry, type TelemetryDocument } from '../../../engine/telemetry/index.ts';
import { call } from './api-harness.ts';

const root = join(import.meta.dirname, '../../..');
export const policySource = readFileSync(join(root, 'policies/hydro-ams-i-d.yaml'), 'utf8');
export const plant = JSON.parse(
  readFileSync(join(root, 'policies/fixtures/hydro-ams-i-d/plant-small.json'), 'utf8'),
);

/** A published policy, a project and one provisioned device of a fresh organization. */
export async function setUpProject(app: Hono<ApiEnv>, key: string) {
  const draft = await call(app, 'POST', '/v1/policy-drafts?file_name=hydro-ams-i-d.yaml', {
    key,
    body: policySource,
    headers: { 'content-type': 'application/yaml' },
  });
  if (draft.status !== 201 || !draft.json.valid)
    throw new Error(`draft: ${draft.status} ${draft.text.slice(0, 500)}`);
  const version = await call(app, 'POST', `/v1/policy-drafts/${draft.json.id}/publish`, { key });
  if (version.status !== 201) throw new Error(`publish: ${version.status} ${version.text}`);
  const project = await call(app, 'POST', '/v1/projects', {
    key,
    body: { plant: { ...plant, devices: [] }, policy_version_id: version.json.id },
  });
  if (project.status !== 201) throw new Error(`project: ${project.status} ${project.text}`);
  const device = await provisionDevice(app, key, project.json.id);
  return {
    draftId: draft.json.id as string,
    policyVersionId: version.json.id as string,
    projectId: project.json.id as string,
    device,
  };
}

export async function provisionDevice(app: Hono<ApiEnv>, key: string, projectId: string) {
  const res = await call(app, 'POST', '/v1/devices/provision', { key, body: { project_id: projectId } });
  if (res.status !== 201) throw new Error(`provision: ${res.status} ${res.text}`);
  const privateKey = createPrivateKey({ key: res.json.pairing.private_key_jwk, format: 'jwk' });
  return {
    id: res.json.device.id as string,
    did: res.json.device.did as string,
    privateKey,
    response: res.json,
  };
}

/** A plausible 15-minute reading for the small plant, signed by the device. */
export function telemetry(
  device: { did: string; privateKey: KeyObject },
  seq: number,
  overrides: Record<string, unknown> = {},
): TelemetryDocument {
  const timestamp = new Date(Date.UTC(2026, 1, 20, 0, 0, 0) + seq * 900_000)
    .toISOString()
    .replace('.000Z', 'Z');
  return signTelemetry(
    {
      schema_version: '1.0.0',
      device_id: device.did,
      seq,
      timestamp,
      interval_s: 900,
      readings: [
        { sensor_id: 'gen_01', type: 'energy', value: 120.5, unit: 'kWh' },
        { sensor_id: 'exp_01', type: 'energy_export', value: 118.2, unit: 'kWh' },
      ],
      ...overrides,
    } as never,
    device.privateKey,
  );
}
