import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuerCosigner } from '../../identity/issuer-ledger-key.ts';
import { createHederaLedger } from '../../ledger/hedera-ledger.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import { ledgerIntentStore } from '../../store/ledger-intent-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { workflowIds } from '../../workflows/shared.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import {
  actors,
  expectedMintAmount,
  PERIOD,
  registerDevices,
  submitReadings,
  waitVerified,
} from './support/drive-pipeline.ts';
import { ledgerCensus } from './support/ledger-census.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';
import { waitFor } from './support/wait-for.ts';

describe('the mint activity when its ledger call is dead-lettered during a Hedera outage', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    harness = await startPipelineHarness('dead_letter');
    seeded = await seedProject(harness.mongo.db, { days: 1, seed: 41 });
  }, 180_000);
  afterAll(async () => {
    harness?.network.setFaults({});
    await harness?.close();
  });

  it('keeps retrying, and the period completes with one mint once an operator replays the intent', async () => {
    const { orgId, projectId } = seeded;
    await harness.startWorker({ concerns: ['workflows', 'verification'] });
    // Until the outage the ledger steps run with the production tuning: an impatient adapter from the
    // start would dead-letter an ordinary anchor on a loaded machine, and the period would never close.
    const patientLedger = await harness.startWorker({ concerns: ['ledger'] });
    await registerDevices(harness, seeded);
    const ids = await submitReadings(harness, seeded);
    await waitVerified(harness.mongo.db, seeded, ids);

    const period = { orgId, projectId, period: PERIOD };
    const periodId = workflowIds.period(orgId, projectId, PERIOD);
    await harness.gateway.closePeriod({ ...period, actor: actors.developer });
    await waitFor(
      async () => (await harness.gateway.status(periodId))?.state === 'awaiting_approval',
      300_000,
      'the monitoring report awaiting approval',
    );

    // From here the adapter gives up quickly (production: ~10 minutes) so the outage dead-letters the mint.
    await patientLedger.stop();
    const impatient = createHederaLedger({
      hedera: harness.services.hedera,
      store: ledgerIntentStore(harness.mongo.db),
      tuning: { maxRetries: 2, maxElapsedMs: 4_000, backoffMaxMs: 500 },
      cosign: createIssuerCosigner(harness.services.keyStore),
    });
    await harness.startWorker({ concerns: ['ledger'], ledger: impatient });
    // The consensus node becomes unreachable just as the verifier approves (the approval mints).
    harness.network.setFaults({ outages: [{ fromMs: Date.now(), toMs: Date.now() + 3_600_000 }] });
    const approval = harness.gateway.reportDecision({
      ...period,
      decision: 'approve',
      reason: 'report checked',
      reviewer: actors.verifier,
    });
    const intents = ledgerIntentStore(harness.mongo.db);
    // The first ledger step the outage meets dead-letters: usually the mint's token creation, but on a
    // loaded machine an anchor still in flight from the report may meet it first.
    await waitFor(
      async () => (await intents.listDeadLetters({ orgId, limit: 10 })).length > 0,
      120_000,
      'a dead-lettered ledger intent',
    );
    // A later attempt of that activity meets the dead letter again: retried, not failed.
    const handle = harness.client.workflow.getHandle(periodId);
    let seen = 'no pending activity';
    await waitFor(
      async () => {
        const pending = (await handle.describe()).raw.pendingActivities ?? [];
        seen = JSON.stringify(
          pending.map((a) => ({
            type: a.activityType?.name,
            attempt: a.attempt,
            failure: a.lastFailure?.message,
          })),
        );
        return pending.some(
          (a) => (a.attempt ?? 0) >= 2 && a.lastFailure?.applicationFailureInfo?.type === 'LedgerError',
        );
      },
      // Temporal's retry backoff grows between attempts; on a loaded machine the second attempt can
      // come after two minutes (seen in a 26-minute suite run), so the bound matches the others here.
      300_000,
      'a ledger activity retrying after the dead letter',
    ).catch((error: Error) => {
      throw new Error(`${error.message}; pending activities: ${seen}`);
    });
    expect((await harness.gateway.status(periodId))?.status).not.toBe('ledger_failed');

    // The operator's fix: the network is back, and `mrv ledger replay <id>` re-runs each dead letter.
    harness.network.setFaults({});
    for (const dead of await intents.listDeadLetters({ orgId, limit: 10 })) {
      await harness.services.ledger.replay(dead.id);
      expect((await intents.get(orgId, dead.key))?.status).toBe('CONFIRMED');
    }

    // The next attempt finds the confirmed intent; the period finishes on its own.
    expect((await approval)?.status).toBe('issued');
    const scope = issueTenantScope(orgId);
    await waitFor(
      async () =>
        (await issuanceStore(harness.mongo.db).getIssuance(scope, `${projectId}/${PERIOD}`))
          ?.trustChainJson !== undefined,
      300_000,
      'the trust chain stored',
    );
    const issuance = (await issuanceStore(harness.mongo.db).getIssuance(scope, `${projectId}/${PERIOD}`))!;
    const census = await ledgerCensus({
      db: harness.mongo.db,
      mirrorUrl: harness.network.mirrorRestUrl,
      orgId,
      tokenId: issuance.tokenId,
    });
    expect(census.token?.mints).toBe(1);
    expect((await intents.get(orgId, `mint/${periodId}`))?.status).toBe('CONFIRMED');
    expect(census.token?.totalSupply).toBe(String(await expectedMintAmount(harness.mongo.db, seeded, ids)));
  }, 600_000);
});
