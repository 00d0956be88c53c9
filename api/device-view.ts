import type { Device } from '../store/device-store.ts';

export function deviceJson(d: Device) {
  return {
    id: d._id,
    project_id: d.projectId,
    did: d.did,
    scope: d.scope,
    name: d.name ?? null,
    origin: d.origin,
    status: d.status,
    policy_status: d.policyStatus ?? null,
    meters: d.meters ?? [],
    created_at: d.createdAt.toISOString(),
    status_changed_at: d.statusChangedAt.toISOString(),
  };
}

/** What an edge agent needs to pair with this API (no secret: the key is handed out separately, once). */
export function pairingPayload(d: Device, apiUrl: string) {
  return { v: 1, api_url: apiUrl, org_id: d.orgId, project_id: d.projectId, device_id: d._id, did: d.did };
}
