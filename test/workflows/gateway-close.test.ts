import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectWorkflowGateway } from '../../workflows/client.ts';
import { temporalAddress } from '../support/services.ts';

/**
 * Closing the gateway while calls are still waiting on the server (here: a self-test nobody works
 * on, so its result never comes) aborts them and then closes the channel. Closing under them used
 * to leave the SDK's retry timers to fire on a shut channel: an uncaught "Channel has been shut
 * down" that failed the whole CI run.
 */
describe('the workflow gateway closes cleanly under load', () => {
  it('leaves no abort listener behind per call (the API makes millions of them)', async () => {
    const gateway = await connectWorkflowGateway({ address: temporalAddress() });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      for (let i = 0; i < 30; i++) expect(await gateway.ping()).toBe(true);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await gateway.close();
    }
  });

  it('aborts the calls in flight, then closes; later calls are refused with a clear error', async () => {
    const gateway = await connectWorkflowGateway({
      address: temporalAddress(),
      taskQueue: `nobody-polls-${randomUUID()}`,
    });
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const waiting = Array.from({ length: 5 }, () =>
        gateway.runSelfTest({ probeId: randomUUID(), requestedAt: new Date().toISOString() }).then(
          () => 'finished',
          (e: Error) => e.name,
        ),
      );
      expect(await gateway.ping()).toBe(true);
      await gateway.close();
      const outcomes = await Promise.all(waiting);
      expect(outcomes.every((o) => o !== 'finished')).toBe(true);
      await expect(gateway.ping()).rejects.toThrow(/closing/);
      // Any retry timer the SDK had pending has fired by now (its longest backoff is 5 s).
      await new Promise((r) => setTimeout(r, 6_000));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
