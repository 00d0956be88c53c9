import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import type { Logger } from '../../observability/logger.ts';
import { organizationStore } from '../../store/organization-store.ts';
import { readingStore } from '../../store/reading-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import type { WorkflowGateway } from '../../workflows/client.ts';

/** Left in a restored data directory by `mrv restore`; its first `mrv up` acts on it, then renames it. */
export const RESTORE_MARKER = 'restored-from-backup.json';
const PAGE = 500;

/**
 * The first start of a restored stack. Temporal's snapshot is older than MongoDB's (take-backup.ts),
 * so readings the API stored and answered 2xx for may be missing from the restored histories: an
 * edge agent will not send them again. Each reading still RECEIVED is handed to its device workflow
 * once more (the workflow skips any it already verified). The marker is renamed only after every
 * organization was done, so an interrupted first start is repeated by the next one.
 */
export async function resumeAfterRestore(options: {
  dataDir: string;
  db: Db;
  workflows: Pick<WorkflowGateway, 'readingsAccepted'>;
  logger: Logger;
}): Promise<{ readings: number; devices: number } | null> {
  const marker = join(options.dataDir, RESTORE_MARKER);
  if (!existsSync(marker)) return null;
  const restored = JSON.parse(readFileSync(marker, 'utf8')) as { backup_created_at?: string };
  const readings = readingStore(options.db);
  let count = 0;
  const devices = new Set<string>();
  for (const orgId of await organizationStore(options.db).listIds()) {
    const tenant = issueTenantScope(orgId);
    for (let after: string | undefined; ; ) {
      const page = await readings.list(tenant, {
        status: 'RECEIVED',
        limit: PAGE,
        ...(after ? { after } : {}),
      });
      if (page.length === 0) break;
      const byDevice = new Map<string, typeof page>();
      for (const r of page) {
        const own = byDevice.get(r.deviceId);
        if (own) own.push(r);
        else byDevice.set(r.deviceId, [r]);
      }
      for (const [deviceId, own] of byDevice) {
        await options.workflows.readingsAccepted({
          orgId,
          projectId: own[0]!.projectId,
          deviceId,
          readingIds: own.map((r) => r._id),
        });
        devices.add(`${orgId}/${deviceId}`);
      }
      count += page.length;
      after = page.at(-1)!._id;
    }
  }
  renameSync(marker, join(options.dataDir, `${RESTORE_MARKER}.done`));
  options.logger.info(
    { readings: count, devices: devices.size, backupCreatedAt: restored.backup_created_at },
    'restored stack: readings awaiting verification handed to their workflows again',
  );
  return { readings: count, devices: devices.size };
}
