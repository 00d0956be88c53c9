import type { Db } from 'mongodb';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

export type GatewayStatus = 'active' | 'suspended' | 'decommissioned';

/** A plant's edge gateway: it speaks for the devices attached to it (docs/api/mtls.md). */
export interface Gateway {
  _id: string;
  orgId: string;
  name: string;
  /** Devices (`dev_…`) whose DIDs its certificates may list. */
  deviceIds: string[];
  status: GatewayStatus;
  /** What its edge agent reads and how (api/pki/gateway-agent-schemas.ts); absent: not configured here. */
  agent?: GatewayAgent;
  createdAt: Date;
  statusChangedAt: Date;
}

/** One device's meters on the gateway: templates read over connections (docs/edge.md). */
export interface GatewayAgentDevice {
  device_id: string;
  ref?: string;
  sources: { template: string; connection: Record<string, unknown> }[];
  poll_s?: number;
  interval_s?: number;
  read_timeout_ms?: number;
}

export interface GatewayAgent {
  interval_s?: number;
  devices: GatewayAgentDevice[];
}

/** A one-time enrollment token, stored as its SHA-256 only. */
export interface GatewayEnrollment {
  _id: string;
  orgId: string;
  gatewayId: string;
  createdAt: Date;
  expiresAt: Date;
}

const gateways = (db: Db) => db.collection<Gateway>('gateways');
const enrollments = (db: Db) => db.collection<GatewayEnrollment>('gateway_enrollments');
const spent = (db: Db) => db.collection<{ _id: string; orgId: string; at: Date }>('gateway_enrollment_uses');

export function gatewayStore(db: Db) {
  return {
    async insert(scope: TenantScope, gateway: Omit<Gateway, 'orgId'>): Promise<Gateway> {
      const doc = { ...gateway, orgId: scope.orgId };
      await gateways(db).insertOne(doc);
      return doc;
    },
    async get(scope: TenantScope, id: string): Promise<Gateway | null> {
      return await findOwned(gateways(db), scope, id);
    },
    async list(scope: TenantScope): Promise<Gateway[]> {
      return await gateways(db).find({ orgId: scope.orgId }).sort({ createdAt: 1 }).limit(1000).toArray();
    },
    /** Gateways that list a device: they lose their certificates when the device is suspended. */
    async withDevice(scope: TenantScope, deviceId: string): Promise<Gateway[]> {
      return await gateways(db).find({ orgId: scope.orgId, deviceIds: deviceId }).limit(1000).toArray();
    },
    async setStatus(scope: TenantScope, id: string, status: GatewayStatus, at: Date): Promise<void> {
      await gateways(db).updateOne(
        { _id: id, orgId: scope.orgId },
        { $set: { status, statusChangedAt: at } },
      );
    },
    async addEnrollment(scope: TenantScope, enrollment: Omit<GatewayEnrollment, 'orgId'>): Promise<void> {
      await enrollments(db).insertOne({ ...enrollment, orgId: scope.orgId });
    },
    /** The unspent, unexpired enrollment with this token hash, if any. */
    async findEnrollment(scope: TenantScope, hash: string, now: Date): Promise<GatewayEnrollment | null> {
      const found = await findOwned(enrollments(db), scope, hash);
      if (!found || found.expiresAt <= now) return null;
      return (await spent(db).findOne({ _id: hash })) ? null : found;
    },
    /**
     * Spends a token exactly once. FerretDB's filtered updates are not atomic, so the spending is a
     * unique insert (store/versioned-records.ts): of two concurrent enrollments one wins.
     */
    async spendEnrollment(scope: TenantScope, hash: string, at: Date): Promise<boolean> {
      try {
        await spent(db).insertOne({ _id: hash, orgId: scope.orgId, at });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    },
  };
}

export type GatewayStore = ReturnType<typeof gatewayStore>;
