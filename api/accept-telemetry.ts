import type { TelemetryDocument } from '../engine/telemetry/index.ts';
import { createDeviceKeyResolver, verifyTelemetrySignature } from '../engine/telemetry/index.ts';
import { type TelemetrySubmissionStatus, telemetrySubmissionsTotal } from '../observability/metrics.ts';
import { type Device, deviceStore } from '../store/device-store.ts';
import { newSortableId } from '../store/ids.ts';
import { type Reading, readingStore } from '../store/reading-store.ts';
import type { TenantScope } from '../store/tenant-scope.ts';
import type { ApiContext } from './api-context.ts';
import { ApiError, type FieldError } from './errors.ts';
import { createKeyedBatcher } from './keyed-batcher.ts';

export type TelemetryOutcome =
  | { index: number; status: 'accepted' | 'duplicate'; reading_id: string; device_id: string; seq: number }
  | {
      index: number;
      status: 'rejected';
      reason: 'schema' | 'device' | 'signature';
      message: string;
      errors?: FieldError[];
    };

type Stored = { reading: Reading; created: boolean };

/**
 * Per app: concurrent requests' inserts are group-committed per organization, and their signals
 * coalesced per device (one `readingsAccepted` carries every id that arrived meanwhile).
 */
function createBatchers(ctx: ApiContext) {
  const readings = readingStore(ctx.db);
  return {
    insert: createKeyedBatcher<{ tenant: TenantScope; reading: Omit<Reading, 'orgId'> }, Stored>(
      async (_org, items) =>
        await readings.insertManyOnce(
          items[0]!.tenant,
          items.map((i) => i.reading),
        ),
    ),
    signal: createKeyedBatcher<{ orgId: string; reading: Reading }, void>(async (_device, items) => {
      const { orgId, reading } = items[0]!;
      await ctx.workflows.readingsAccepted({
        orgId,
        projectId: reading.projectId,
        deviceId: reading.deviceId,
        readingIds: [...new Set(items.map((i) => i.reading._id))],
      });
      return items.map(() => undefined);
    }),
  };
}

const batchers = new WeakMap<ApiContext, ReturnType<typeof createBatchers>>();

function batchersOf(ctx: ApiContext) {
  let b = batchers.get(ctx);
  if (!b) {
    b = createBatchers(ctx);
    batchers.set(ctx, b);
  }
  return b;
}

// did:key DIDs carry their key; decoding base58 on every request is avoidable work.
const publicKeyOf = createDeviceKeyResolver();

/** How long a device looked up by DID is trusted without asking MongoDB again. */
const DEVICE_CACHE_MS = 1000;
const devicesByDid = new WeakMap<ApiContext, Map<string, { device: Device | null; until: number }>>();

/**
 * The device for a DID, cached per app for a second: at hundreds of documents a second from a few
 * devices, nearly every lookup is a hit. A status change reaches this gate within that second; the
 * device workflow, which verifies every reading against its own status, is the authority anyway.
 */
async function deviceByDid(ctx: ApiContext, tenant: TenantScope, did: string): Promise<Device | null> {
  let cache = devicesByDid.get(ctx);
  if (!cache) {
    cache = new Map();
    devicesByDid.set(ctx, cache);
  }
  const key = `${tenant.orgId} ${did}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.device;
  const device = await deviceStore(ctx.db).byDid(tenant, did);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { device, until: now + DEVICE_CACHE_MS });
  return device;
}

/**
 * Accepts telemetry documents for one organization: schema (schemas/telemetry.schema.json), the
 * device is an active device of this organization, the Ed25519 signature by the device's did:key;
 * then a durable insert idempotent on (device, seq), then one `readingsAccepted` signal per device
 * with the reading ids. Duplicates are signalled again, so a signal lost with an earlier answer is
 * recovered by the client's retry. Throws WORKFLOW_UNAVAILABLE when signalling fails — the readings
 * are stored, and the retry is safe.
 */
export async function acceptTelemetry(
  ctx: ApiContext,
  tenant: TenantScope,
  documents: unknown[],
  /** Over a gateway certificate: only these devices (the DIDs the certificate lists). */
  allowedDids?: readonly string[],
): Promise<TelemetryOutcome[]> {
  const allowed = allowedDids ? new Set(allowedDids) : undefined;
  const deviceCache = new Map<string, Device | null>();
  const outcomes: TelemetryOutcome[] = new Array(documents.length);
  const pending: { index: number; reading: Omit<Reading, 'orgId'> }[] = [];
  const now = ctx.clock();
  for (const [index, value] of documents.entries()) {
    const errors = ctx.validator.validateFile('telemetry.schema.json', value);
    if (errors.length > 0) {
      outcomes[index] = {
        index,
        status: 'rejected',
        reason: 'schema',
        message: 'not a telemetry v1 document',
        errors,
      };
      continue;
    }
    const doc = value as TelemetryDocument;
    if (allowed && !allowed.has(doc.device_id)) {
      outcomes[index] = {
        index,
        status: 'rejected',
        reason: 'device',
        message: 'the client certificate does not list this device',
      };
      continue;
    }
    if (!deviceCache.has(doc.device_id))
      deviceCache.set(doc.device_id, await deviceByDid(ctx, tenant, doc.device_id));
    const device = deviceCache.get(doc.device_id);
    if (!device || device.status !== 'active') {
      // Unknown and inactive read the same: no hint whether another organization has this device.
      outcomes[index] = {
        index,
        status: 'rejected',
        reason: 'device',
        message: 'not an active device of this organization',
      };
      continue;
    }
    const key = publicKeyOf(doc.device_id);
    if (!key || !verifyTelemetrySignature(doc, key)) {
      outcomes[index] = {
        index,
        status: 'rejected',
        reason: 'signature',
        message: "the signature does not verify with the device's key",
      };
      continue;
    }
    pending.push({
      index,
      reading: {
        _id: newSortableId('rdg', now),
        projectId: device.projectId,
        deviceId: device._id,
        did: doc.device_id,
        seq: doc.seq,
        timestamp: doc.timestamp,
        receivedAt: now,
        documentJson: JSON.stringify(doc),
        status: 'RECEIVED',
      },
    });
  }
  const { insert, signal } = batchersOf(ctx);
  const stored = await Promise.all(pending.map((p) => insert(tenant.orgId, { tenant, reading: p.reading })));
  for (const [i, { reading, created }] of stored.entries()) {
    const { index } = pending[i]!;
    outcomes[index] = {
      index,
      status: created ? 'accepted' : 'duplicate',
      reading_id: reading._id,
      device_id: reading.deviceId,
      seq: reading.seq,
    };
  }
  try {
    await Promise.all(
      stored.map(({ reading }) =>
        signal(`${tenant.orgId}/${reading.deviceId}`, { orgId: tenant.orgId, reading }),
      ),
    );
  } catch (cause) {
    count(tenant, outcomes, 'error');
    ctx.logger.error({ err: cause }, 'readingsAccepted signal failed; readings are stored');
    throw new ApiError(
      'WORKFLOW_UNAVAILABLE',
      'the readings are stored but not yet handed to their workflow; retry the same request',
      { cause, headers: { 'retry-after': '5' } },
    );
  }
  count(tenant, outcomes);
  return outcomes;
}

const rejectedAs = { schema: 'invalid', device: 'unknown_device', signature: 'bad_signature' } as const;

/** `mrv_telemetry_submissions_total`: one count per document; `stored` overrides stored outcomes. */
function count(tenant: TenantScope, outcomes: TelemetryOutcome[], stored?: TelemetrySubmissionStatus): void {
  const totals = new Map<TelemetrySubmissionStatus, number>();
  for (const o of outcomes) {
    const status = o.status === 'rejected' ? rejectedAs[o.reason] : (stored ?? o.status);
    totals.set(status, (totals.get(status) ?? 0) + 1);
  }
  for (const [status, n] of totals) telemetrySubmissionsTotal.inc({ organization: tenant.orgId, status }, n);
}
