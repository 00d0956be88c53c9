import { reviewOldestAgeSeconds, reviewQueueDepth, reviewSlaSeconds } from './metrics.ts';

/** One (organization, policy) line of the review queue, as the review store counts it. */
export interface ReviewQueueRow {
  organization: string;
  policy: string;
  /** Open reviews. */
  depth: number;
  /** When the oldest open review was opened; absent when the queue is empty. */
  oldestOpenedAt?: Date;
  /** The policy's review SLA in seconds, when it sets one. */
  slaSeconds?: number;
}

/**
 * Replaces the review-queue gauges with a fresh snapshot. Call it from whatever samples the store
 * (a timer in the worker, or just before a scrape). Lines absent from the snapshot are dropped, so a
 * queue that emptied stops reporting an old age. `now` is the sampling clock.
 */
export function observeReviewQueue(rows: readonly ReviewQueueRow[], now: Date): void {
  reviewQueueDepth.reset();
  reviewOldestAgeSeconds.reset();
  reviewSlaSeconds.reset();
  for (const row of rows) {
    const labels = { organization: row.organization, policy: row.policy };
    reviewQueueDepth.set(labels, row.depth);
    const age = row.oldestOpenedAt ? Math.max(0, (now.getTime() - row.oldestOpenedAt.getTime()) / 1000) : 0;
    reviewOldestAgeSeconds.set(labels, row.depth > 0 ? age : 0);
    if (row.slaSeconds !== undefined) reviewSlaSeconds.set(labels, row.slaSeconds);
  }
}
