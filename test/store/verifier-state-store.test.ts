import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceState } from '../../engine/verification/device-state.ts';
import { defaultVerificationConfig, verifyReading } from '../../engine/verification/index.ts';
import { generateSyntheticPlant } from '../../engine/verification/synthetic/index.ts';
import { newId } from '../../store/ids.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { verifierStateStore } from '../../store/verifier-state-store.ts';
import { mongoUri, uniqueDbName } from '../support/services.ts';

let mongo: MongoHandle;
beforeAll(async () => {
  mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('verifier_state') });
});
afterAll(async () => {
  await mongo.db.dropDatabase();
  await mongo.close();
});

const at = new Date('2026-05-02T00:00:00Z');

describe('verifierStateStore', () => {
  it('carries a device history across batches: verdicts equal those of one uninterrupted run', async () => {
    const store = verifierStateStore(mongo.db);
    const scope = issueTenantScope(newId('org'));
    const { plant, records, nowMs } = generateSyntheticPlant({ seed: 5, days: 3, faultRate: 0.08 });
    const device = plant.devices![0]!.device_id;
    const lines = records.map((r) => r.line).filter((line) => line.includes(device));
    const context = { config: defaultVerificationConfig(), plant, nowMs };

    let continuous: DeviceState | undefined;
    const expected = lines.map((line) => {
      const result = verifyReading(continuous, line, context);
      continuous = result.nextState ?? continuous;
      return result.verdict;
    });

    // The activity's way: each batch loads the stored state, verifies, and saves it (version CAS).
    const batched = [];
    for (let i = 0, batch = 1; i < lines.length; i += 40, batch += 1) {
      const stored = await store.get(scope, 'dev_1');
      let state = stored?.state as DeviceState | undefined;
      for (const line of lines.slice(i, i + 40)) {
        const result = verifyReading(state, line, context);
        state = result.nextState ?? state;
        batched.push(result.verdict);
      }
      const saved = await store.save(scope, {
        deviceId: 'dev_1',
        state,
        batch: `b${batch}`,
        expectedVersion: stored?.version ?? 0,
        at,
      });
      expect(saved).toBe(true);
    }
    expect(batched).toEqual(expected);
    expect(expected.some((v) => v.status !== 'APPROVED')).toBe(true);
    // The stored history is the same as the uninterrupted one (nested arrays included).
    expect((await store.get(scope, 'dev_1'))?.state).toEqual(JSON.parse(JSON.stringify(continuous)));
  });

  it('refuses a save against a stale version and a second first save', async () => {
    const store = verifierStateStore(mongo.db);
    const scope = issueTenantScope(newId('org'));
    const first = { deviceId: 'dev_2', state: { seq_ranges: [[1, 2]] }, batch: 'a', at };
    expect(await store.save(scope, { ...first, expectedVersion: 0 })).toBe(true);
    expect(await store.save(scope, { ...first, expectedVersion: 0 })).toBe(false);
    expect(await store.save(scope, { ...first, batch: 'b', expectedVersion: 1 })).toBe(true);
    expect(await store.save(scope, { ...first, batch: 'c', expectedVersion: 1 })).toBe(false);
    const stored = await store.get(scope, 'dev_2');
    expect(stored).toMatchObject({ version: 2, lastBatch: 'b', state: { seq_ranges: [[1, 2]] } });
  });

  it('lets one of many concurrent saves of one version win (a zombie attempt cannot overwrite)', async () => {
    const store = verifierStateStore(mongo.db);
    const scope = issueTenantScope(newId('org'));
    await store.save(scope, { deviceId: 'dev_4', state: { n: 0 }, batch: 'a', expectedVersion: 0, at });
    const wins = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        store.save(scope, { deviceId: 'dev_4', state: { n }, batch: `b${n}`, expectedVersion: 1, at }),
      ),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    const winner = wins.indexOf(true);
    expect(await store.get(scope, 'dev_4')).toMatchObject({
      version: 2,
      lastBatch: `b${winner}`,
      state: { n: winner },
    });
  });

  it("never shows or overwrites another organization's device state", async () => {
    const store = verifierStateStore(mongo.db);
    const owner = issueTenantScope(newId('org'));
    const intruder = issueTenantScope(newId('org'));
    await store.save(owner, { deviceId: 'dev_3', state: { n: 1 }, batch: 'a', expectedVersion: 0, at });
    expect(await store.get(intruder, 'dev_3')).toBeNull();
    expect(
      await store.save(intruder, { deviceId: 'dev_3', state: { n: 2 }, batch: 'x', expectedVersion: 1, at }),
    ).toBe(false);
    expect((await store.get(owner, 'dev_3'))?.state).toEqual({ n: 1 });
  });
});
