import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorParty } from '../../../identity/actor-party.ts';
import { createDidResolver } from '../../../identity/create-did-resolver.ts';
import { createDocumentLoader } from '../../../identity/document-loader.ts';
import type { KeyStore } from '../../../identity/key-store.ts';
import { verifyCredential } from '../../../identity/verify-credential.ts';
import { ensureTenantIndexes } from '../../../store/collections.ts';
import { credentialStore } from '../../../store/credential-store.ts';
import { connectMongo, type MongoHandle } from '../../../store/mongo.ts';
import { issueTenantScope } from '../../../store/tenant-scope.ts';
import { createCredentialActivities } from '../../../workflows/activities/credential-activities.ts';
import {
  keyIdOfStatusList,
  orgIssuer,
  statusListIdOf,
  updateStatusList,
} from '../../../workflows/activities/org-issuer.ts';
import { throwawayKeyStore } from '../../api/support/api-harness.ts';
import { mongoUri, uniqueDbName } from '../../support/services.ts';
import { type SeededProject, seedProject } from '../support/seed-project.ts';

/**
 * A DeviceRegistration the registry approved is signed by that registry principal's DID and is
 * revocable only in that principal's own status list: the auditor accepts a registration from an
 * accredited registry, and a status list must be signed by the issuer of what it covers.
 */
describe('DeviceRegistration signed by the approving registry principal', () => {
  let mongo: MongoHandle;
  let keyStore: KeyStore;
  let seeded: SeededProject;
  const now = () => new Date();

  beforeAll(async () => {
    mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName('registry_registration') });
    await ensureTenantIndexes(mongo.db);
    keyStore = await throwawayKeyStore(mongo.db);
    seeded = await seedProject(mongo.db, { days: 1, seed: 3 });
  }, 120_000);
  afterAll(async () => {
    await mongo?.db.dropDatabase();
    await mongo?.close();
  });

  const registration = (key: string, did: string, issuedBy?: { actorId: string }) => ({
    orgId: seeded.orgId,
    projectId: seeded.projectId,
    type: 'DeviceRegistration' as const,
    key,
    subject: {
      id: did,
      orgId: seeded.orgId,
      projectId: seeded.projectId,
      plantId: 'plant',
      scope: 'generation',
      registeredAt: '2026-05-01T00:00:00.000Z',
      policyHash: seeded.policyHash,
    },
    known: {
      device_id: { value: did },
      plant_id: { value: 'plant' },
      project_id: { value: seeded.projectId },
      scope: { value: 'generation' },
      registered_at: { value: '2026-05-01T00:00:00.000Z' },
      policy_hash: { value: seeded.policyHash },
    },
    revocable: true,
    ...(issuedBy ? { issuedBy } : {}),
    issuedAtMs: Date.parse('2026-05-01T00:00:00Z'),
  });

  it('signs with the registry DID, allocates in its own list, and revokes there only', async () => {
    const scope = issueTenantScope(seeded.orgId);
    const deps = { db: mongo.db, keyStore, now };
    const activities = createCredentialActivities(deps);
    const registry = await actorParty(deps, { orgId: seeded.orgId, actorId: 'key_registry_1' });
    const org = await orgIssuer(deps, scope);
    const [first, second] = seeded.devices;

    const byRegistry = await activities.issuePolicyCredential(
      registration('reg/1', first!.did, { actorId: 'key_registry_1' }),
    );
    const byOrg = await activities.issuePolicyCredential(registration('reg/2', second!.did));
    const credentials = credentialStore(mongo.db);
    const signed = (await credentials.get(scope, byRegistry.credentialId))!.credential;
    const orgSigned = (await credentials.get(scope, byOrg.credentialId))!.credential;
    expect(signed.issuer).toBe(registry.did);
    expect(orgSigned.issuer).toBe(org.did);
    const entry = signed.credentialStatus as { statusListCredential: string; statusListIndex: string };
    expect(entry.statusListCredential).not.toBe(org.statusListId);
    expect(keyIdOfStatusList(seeded.orgId, entry.statusListCredential)).toMatch(/^actor\./);
    // A retried activity returns the stored credential: one entry, never a second.
    expect(await activities.issuePolicyCredential(registration('reg/1', first!.did))).toEqual(byRegistry);

    const loaderWith = async () => {
      const lists = new Map<string, unknown>();
      for (const id of [entry.statusListCredential, org.statusListId]) {
        lists.set(id, (await credentials.getStatusList(scope, id))!.credential);
      }
      return createDocumentLoader({ resolver: createDidResolver(), documents: lists });
    };
    const verify = async (credential: unknown) =>
      await verifyCredential({ credential, documentLoader: await loaderWith(), now: new Date() });
    expect(await verify(signed)).toMatchObject({ verified: true, revoked: false });
    expect(await verify(orgSigned)).toMatchObject({ verified: true, revoked: false });
    const list = (await credentials.getStatusList(scope, entry.statusListCredential))!;
    expect(list.credential?.issuer).toBe(registry.did);

    // Decommissioning revokes in the registry's list, signed by the registry; the org's list is untouched.
    expect(
      await activities.revokeDeviceRegistrations({ orgId: seeded.orgId, deviceDid: first!.did }),
    ).toEqual({
      revoked: 1,
    });
    expect(await verify(signed)).toMatchObject({ verified: false, revoked: true });
    expect(await verify(orgSigned)).toMatchObject({ verified: true, revoked: false });
    const revokedList = (await credentials.getStatusList(scope, entry.statusListCredential))!;
    expect(revokedList.state.revoked).toEqual([Number(entry.statusListIndex)]);
    expect(revokedList.credential?.issuer).toBe(registry.did);
  }, 120_000);

  it("names each key's list by its key id and refuses a list that is not the organization's", async () => {
    const orgId = seeded.orgId;
    expect(keyIdOfStatusList(orgId, statusListIdOf(orgId))).toBe('issuer');
    expect(keyIdOfStatusList(orgId, statusListIdOf(orgId, 'actor.ab12'))).toBe('actor.ab12');
    for (const foreign of [
      'urn:mrv:status-list:org_other',
      `urn:mrv:status-list:${orgId}:`,
      `urn:mrv:status-list:${orgId}:a:b`,
      `urn:mrv:status-list:${orgId}:a/b`,
      `urn:mrv:status-list:${orgId}x`,
    ]) {
      expect(keyIdOfStatusList(orgId, foreign), foreign).toBeUndefined();
    }
    // Someone else's list cannot be changed through this organization's scope.
    await expect(
      updateStatusList(
        { db: mongo.db, keyStore, now },
        issueTenantScope(orgId),
        (s) => s,
        'urn:mrv:status-list:org_other',
      ),
    ).rejects.toThrow(/not one of/);
  });
});
