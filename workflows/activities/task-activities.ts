import type { Db } from 'mongodb';
import { deviceStore } from '../../store/device-store.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import { reviewTaskStore } from '../../store/review-task-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import type { DeviceCertificateRevoker } from './revoke-device-certificates.ts';

type Subject = { kind: 'device' | 'reading' | 'period'; id: string };

/** The policy's human-facing actions (`requestReview`, `notify`) and its `setStatus` read models. */
export function createTaskActivities(deps: {
  db: Db;
  now?: () => Date;
  /** Set in the worker: a device that may no longer submit loses its gateway certificates here. */
  revokeCertificates?: DeviceCertificateRevoker;
}) {
  const now = deps.now ?? (() => new Date());
  const tasks = reviewTaskStore(deps.db);

  return {
    /** Opens review tasks (idempotent on each key); one write per task. */
    async requestReviews(input: { orgId: string; tasks: { key: string; subject: Subject; role: string }[] }) {
      const scope = issueTenantScope(input.orgId);
      for (const t of input.tasks)
        await tasks.open(scope, { _id: t.key, subject: t.subject, role: t.role, openedAt: now() });
    },

    async closeReviews(input: { orgId: string; subject: Subject }) {
      await tasks.closeFor(issueTenantScope(input.orgId), input.subject, now());
    },

    async notify(input: {
      orgId: string;
      notes: { key: string; role: string; message: string; subject: Subject }[];
    }) {
      const scope = issueTenantScope(input.orgId);
      for (const n of input.notes) {
        await tasks.notify(scope, {
          _id: n.key,
          role: n.role,
          message: n.message,
          subject: n.subject,
          createdAt: now(),
        });
      }
    },

    /**
     * Mirrors the policy's device status onto the device record the API shows. The policy's own
     * statuses are kept as they are (`policyStatus`); the API's coarse status follows where it maps.
     */
    async setDeviceStatus(input: { orgId: string; deviceId: string; status: string }) {
      const scope = issueTenantScope(input.orgId);
      const coarse = ({ active: 'active', suspended: 'suspended', retired: 'decommissioned' } as const)[
        input.status as 'active' | 'suspended' | 'retired'
      ];
      await deps.db.collection('devices').updateOne(
        { orgId: scope.orgId, _id: input.deviceId as never },
        {
          $set: {
            policyStatus: input.status,
            ...(coarse ? { status: coarse, statusChangedAt: now() } : {}),
          },
        },
      );
      const device = await deviceStore(deps.db).get(scope, input.deviceId);
      if (device && coarse && coarse !== 'active' && deps.revokeCertificates) {
        await deps.revokeCertificates(scope, device.did, `device ${coarse} (policy status ${input.status})`);
      }
      return device?.status;
    },

    async setPeriodStatus(input: {
      orgId: string;
      projectId: string;
      period: string;
      status: string;
      workflowId: string;
      details?: Record<string, unknown>;
    }) {
      const scope = issueTenantScope(input.orgId);
      await issuanceStore(deps.db).upsertPeriod(scope, {
        projectId: input.projectId,
        period: input.period,
        status: input.status,
        workflowId: input.workflowId,
        updatedAt: now(),
        ...(input.details ? { details: input.details } : {}),
      });
    },
  };
}
