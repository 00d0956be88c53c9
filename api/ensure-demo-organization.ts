import type { Db } from 'mongodb';
import { apiKeyStore, scopes } from '../store/api-key-store.ts';
import { organizationStore } from '../store/organization-store.ts';
import { createAuthenticator } from './auth/authenticator.ts';
import { createApiKey } from './auth/create-api-key.ts';
import { generateJwtKeys } from './auth/jwt-keys.ts';
import { standardRoles } from './auth/policy-roles.ts';

/**
 * The organization `mrv up` offers on a fresh stack. Created once (marked `demo`); its admin key is
 * returned only on the run that created it, because only a hash is stored.
 */
export async function ensureDemoOrganization(
  db: Db,
  options: { now?: Date } = {},
): Promise<{ orgId: string; apiKey?: string }> {
  const orgs = organizationStore(db);
  const existing = await orgs.findDemo();
  if (existing) return { orgId: existing.orgId };
  const now = options.now ?? new Date();
  const org = await orgs.create({ name: 'Demo Hydro', demo: true, now });
  // Only the auth module issues tenant scopes; its key material is irrelevant here.
  const auth = createAuthenticator({ db, jwt: generateJwtKeys(), issuer: 'mrv-demo', clock: () => now });
  const { key } = await createApiKey(apiKeyStore(db), auth.scopeForNewOrganization(org.orgId), {
    name: 'demo admin',
    scopes: [...scopes],
    // A demo walks the whole flow with one key; a real organization gives the verifier its own.
    roles: [...standardRoles],
    now,
  });
  return { orgId: org.orgId, apiKey: key };
}
