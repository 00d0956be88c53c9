import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsRegistry } from '../../observability/metrics.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { startReviewQueueSampler } from '../../workflows/review-queue-sampler.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';
import { waitFor } from './support/wait-for.ts';

describe('review queue sampler', () => {
  let mongo: MongoHandle;
  beforeAll(async () => {
    mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('review_sampler') });
  });
  afterAll(async () => {
    await mongo?.db.dropDatabase();
    await mongo?.close();
  });

  it('reports open review tasks per organization with the age of the oldest', async () => {
    const now = new Date('2026-06-10T00:00:00Z');
    await mongo.db.collection('review_tasks').insertMany([
      { _id: 'a' as never, orgId: 'org_A', status: 'open', openedAt: new Date('2026-06-09T00:00:00Z') },
      { _id: 'b' as never, orgId: 'org_A', status: 'open', openedAt: new Date('2026-06-09T12:00:00Z') },
      { _id: 'c' as never, orgId: 'org_A', status: 'closed', openedAt: new Date('2026-06-01T00:00:00Z') },
      { _id: 'd' as never, orgId: 'org_B', status: 'open', openedAt: new Date('2026-06-09T23:00:00Z') },
    ]);
    const stop = startReviewQueueSampler({ db: mongo.db, intervalMs: 50, now: () => now });
    try {
      const value = async (name: string, org: string) =>
        (await metricsRegistry.getSingleMetric(name)?.get())?.values.find(
          (v) => v.labels.organization === org,
        )?.value;
      await waitFor(async () => (await value('mrv_review_queue_depth', 'org_B')) === 1, 10_000);
      expect(await value('mrv_review_queue_depth', 'org_A')).toBe(2);
      expect(await value('mrv_review_oldest_age_seconds', 'org_A')).toBe(86_400);
      expect(await value('mrv_review_oldest_age_seconds', 'org_B')).toBe(3_600);
    } finally {
      stop();
    }
  });
});
