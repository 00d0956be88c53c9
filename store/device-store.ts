import { type Db, MongoServerError } from 'mongodb';
import type { DeviceMeter } from '../engine/plant/plant.ts';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

export type DeviceStatus = 'active' | 'suspended' | 'decommissioned';

export interface Device {
  _id: string;
  orgId: string;
  projectId: string;
  did: string;
  /** `plant` or a unit id of the project's plant. */
  scope: string;
  name?: string;
  /** `provisioned`: we generated the key and handed it out once; `registered`: the device made it. */
  origin: 'provisioned' | 'registered';
  /**
   * Whether telemetry is accepted. The device workflow mirrors its policy status onto it
   * (workflows/activities/task-activities.ts `setDeviceStatus`): active, suspended, decommissioned.
   */
  status: DeviceStatus;
  /** The policy's own status name for the device (e.g. `pending`, `active`, `retired`), from its workflow. */
  policyStatus?: string;
  /** The meters given at registration (accuracy class, calibration); they override the plant file's. */
  meters?: DeviceMeter[];
  /** The edge integration template (edge/templates) the gateway reads the device's meter with. */
  template?: string;
  createdAt: Date;
  statusChangedAt: Date;
}

const devices = (db: Db) => db.collection<Device>('devices');

export function deviceStore(db: Db) {
  return {
    /** `null` when the DID is already registered in this organization. */
    async insert(scope: TenantScope, device: Omit<Device, 'orgId'>): Promise<Device | null> {
      const doc = { ...device, orgId: scope.orgId };
      try {
        await devices(db).insertOne(doc);
        return doc;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) return null;
        throw error;
      }
    },
    async get(scope: TenantScope, id: string): Promise<Device | null> {
      return await findOwned(devices(db), scope, id);
    },
    async byDid(scope: TenantScope, did: string): Promise<Device | null> {
      return await devices(db).findOne({ orgId: scope.orgId, did });
    },
    async list(scope: TenantScope, filter: { projectId?: string } = {}): Promise<Device[]> {
      const query = filter.projectId
        ? { orgId: scope.orgId, projectId: filter.projectId }
        : { orgId: scope.orgId };
      return await devices(db).find(query).sort({ createdAt: 1 }).limit(1000).toArray();
    },
  };
}

export type DeviceStore = ReturnType<typeof deviceStore>;
