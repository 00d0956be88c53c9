import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import { selfTestStore } from '../../store/self-test-store.ts';

/** Activities that write to MongoDB. Each is idempotent: retries converge on one record. */
export function createStoreActivities(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const selfTests = selfTestStore(deps.db);
  return {
    async recordSelfTest(input: { probeId: string; requestedAt: string; workflowId: string }): Promise<void> {
      await selfTests.record({
        _id: input.probeId,
        workflowId: input.workflowId,
        requestedAt: input.requestedAt,
        recordedAt: now().toISOString(),
        recordedBy: `worker@${hostname()}:${process.pid}`,
      });
    },
  };
}
