import type { Db } from 'mongodb';
import { observeReviewQueue, type ReviewQueueRow } from '../observability/review-queue-metrics.ts';

/**
 * Samples the open review tasks into the review-queue gauges (depth and oldest age per organization)
 * every `intervalMs`, for the dashboards and the review-age alert. Returns a stop function.
 */
export function startReviewQueueSampler(options: {
  db: Db;
  intervalMs?: number;
  now?: () => Date;
}): () => void {
  const now = options.now ?? (() => new Date());
  const sample = async () => {
    const rows = new Map<string, ReviewQueueRow>();
    const cursor = options.db
      .collection<{ orgId: string; openedAt: Date }>('review_tasks')
      .find({ status: 'open' }, { projection: { orgId: 1, openedAt: 1 } })
      .limit(100_000);
    for await (const task of cursor) {
      const row = rows.get(task.orgId) ?? { organization: task.orgId, policy: 'all', depth: 0 };
      row.depth += 1;
      if (!row.oldestOpenedAt || task.openedAt < row.oldestOpenedAt) row.oldestOpenedAt = task.openedAt;
      rows.set(task.orgId, row);
    }
    observeReviewQueue([...rows.values()], now());
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    // A failed sample leaves the previous gauges; the next tick tries again.
    sample()
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, options.intervalMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
