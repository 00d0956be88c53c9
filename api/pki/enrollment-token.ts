import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { deviceStore } from '../../store/device-store.ts';
import { type Gateway, gatewayStore } from '../../store/gateway-store.ts';
import { randomBase62 } from '../../store/ids.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';
import type { ApiContext } from '../api-context.ts';
import { gatewayJson, gatewayPairingPayload } from './gateway-view.ts';

/** Enrollment tokens live a day: long enough to carry a QR code to a plant, short enough to leak little. */
export const ENROLLMENT_TTL_MS = 24 * 3_600_000;
const TOKEN = /^mrv_enr_(org_[0-9A-Za-z]{22})_([0-9A-Za-z]{43})$/;

export function hashEnrollmentToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The organization a well-formed token names (it is then looked up by hash within that organization). */
export function parseEnrollmentToken(value: string): { orgId: string } | null {
  const match = TOKEN.exec(value);
  return match ? { orgId: match[1]! } : null;
}

/** The DIDs of a gateway's devices (those that still exist), in its order. */
export async function gatewayDeviceDids(ctx: ApiContext, tenant: TenantScope, gateway: Gateway) {
  const devices = deviceStore(ctx.db);
  const dids: string[] = [];
  for (const id of gateway.deviceIds) {
    const device = await devices.get(tenant, id);
    if (device) dids.push(device.did);
  }
  return dids;
}

/**
 * A new one-time enrollment token for a gateway, and what an admin hands the gateway: the pairing
 * payload (docs/api/mtls.md, "Enrollment contract") as JSON and as a QR code. Only the hash is stored.
 */
export async function newEnrollment(ctx: ApiContext, tenant: TenantScope, gateway: Gateway) {
  const token = `mrv_enr_${tenant.orgId}_${randomBase62(43)}`;
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + ENROLLMENT_TTL_MS);
  await gatewayStore(ctx.db).addEnrollment(tenant, {
    _id: hashEnrollmentToken(token),
    gatewayId: gateway._id,
    createdAt: now,
    expiresAt,
  });
  const pairing = gatewayPairingPayload(gateway, {
    apiUrl: ctx.publicUrl,
    mtlsUrl: ctx.pki.mtlsUrl,
    deviceDids: await gatewayDeviceDids(ctx, tenant, gateway),
    token,
    expiresAt,
  });
  const qr = await QRCode.toDataURL(JSON.stringify(pairing), { errorCorrectionLevel: 'M' });
  return {
    gateway: gatewayJson(gateway),
    enrollment: { token, expires_at: expiresAt.toISOString() },
    pairing,
    pairing_qr_png: qr,
  };
}
