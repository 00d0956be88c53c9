// Provision a device: publish the policy, create the project, provision a did:key device (its
// private key is in this answer only) and approve its registration as the registry.
import { readFileSync } from 'node:fs';
import { MrvClient } from '../src/index.ts';
import { baseUrl, save, state, waitFor } from './state.ts';

const repo = new URL('../../../', import.meta.url);
const admin = new MrvClient({ baseUrl, apiKey: state().admin });
// YAML bodies go through `send`, the client's authenticated, retrying fetch.
const upload = await admin.send(
  new Request(`${baseUrl}/v1/policy-drafts?file_name=hydro-ams-i-d.yaml`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml' },
    body: readFileSync(new URL('policies/hydro-ams-i-d.yaml', repo), 'utf8'),
  }),
);
const draft = (await upload.json()) as { id: string; valid: boolean };
if (!draft.valid) throw new Error('the policy has problems');
const policy = await MrvClient.unwrap(
  await admin.api.POST('/v1/policy-drafts/{draftId}/publish', { params: { path: { draftId: draft.id } } }),
);
const plant = JSON.parse(
  readFileSync(new URL('policies/fixtures/hydro-ams-i-d/plant-small.json', repo), 'utf8'),
);
const project = await MrvClient.unwrap(
  await admin.api.POST('/v1/projects', {
    body: { plant: { ...plant, devices: [] }, policy_version_id: policy.id },
  }),
);
const provisioned = await MrvClient.unwrap(
  await admin.api.POST('/v1/devices/provision', { body: { project_id: project.id, scope: 'U1' } }),
);
const deviceId = provisioned.device.id;
await waitFor('the registration request', async () => {
  const d = await MrvClient.unwrap(
    await admin.api.GET('/v1/devices/{deviceId}', { params: { path: { deviceId } } }),
  );
  return d.policy_status === 'pending' ? d : undefined;
});
await MrvClient.unwrap(
  await admin.api.POST('/v1/devices/{deviceId}/approve', {
    params: { path: { deviceId } },
    body: { reason: 'meter sealed and inspected' },
  }),
);
await waitFor('the device to be active', async () => {
  const d = await MrvClient.unwrap(
    await admin.api.GET('/v1/devices/{deviceId}', { params: { path: { deviceId } } }),
  );
  return d.policy_status === 'active' ? d : undefined;
});
save({
  project: project.id,
  device: deviceId,
  did: provisioned.device.did,
  jwk: provisioned.pairing.private_key_jwk,
});
console.log(`ok device ${deviceId} (${provisioned.device.did}) active in project ${project.id}`);
