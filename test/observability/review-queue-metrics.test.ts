import { describe, expect, it } from 'vitest';
import { breakerStateValue } from '../../observability/metrics.ts';
import { observeReviewQueue } from '../../observability/review-queue-metrics.ts';
import { metricValue } from './support/metric-value.ts';

const now = new Date('2026-03-01T12:00:00Z');
const labels = { organization: 'org-1', policy: 'ams-i-d' };

describe('review queue gauges', () => {
  it('sets depth, the oldest review age and the SLA per organization and policy', async () => {
    observeReviewQueue(
      [{ ...labels, depth: 3, oldestOpenedAt: new Date('2026-03-01T10:00:00Z'), slaSeconds: 86400 }],
      now,
    );
    expect(await metricValue('mrv_review_queue_depth', labels)).toBe(3);
    expect(await metricValue('mrv_review_oldest_age_seconds', labels)).toBe(7200);
    expect(await metricValue('mrv_review_sla_seconds', labels)).toBe(86400);
  });

  it('drops lines missing from the next snapshot, so an emptied queue reports no stale age', async () => {
    observeReviewQueue([{ ...labels, depth: 1, oldestOpenedAt: new Date('2026-03-01T11:00:00Z') }], now);
    observeReviewQueue([], now);
    expect(await metricValue('mrv_review_oldest_age_seconds', labels)).toBe(0);
    expect(await metricValue('mrv_review_queue_depth')).toBe(0);
  });

  it('never reports a negative age for a review opened after the sampling clock', async () => {
    observeReviewQueue([{ ...labels, depth: 1, oldestOpenedAt: new Date('2026-03-02T00:00:00Z') }], now);
    expect(await metricValue('mrv_review_oldest_age_seconds', labels)).toBe(0);
  });
});

describe('circuit-breaker gauge value', () => {
  it('maps closed, half-open and open to 0, 1 and 2', () => {
    expect([breakerStateValue('CLOSED'), breakerStateValue('HALF_OPEN'), breakerStateValue('OPEN')]).toEqual([
      0, 1, 2,
    ]);
  });
});
