import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.ts';
import { createEncryptedKeyStore } from '../../identity/encrypted-key-store.ts';
import { masterKeyFromBase64 } from '../../identity/master-key.ts';
import { createMongoKeyRecords } from '../../store/key-store.ts';
import { connectMongo } from '../../store/mongo.ts';
import { isOrgId, issueTenantScope } from '../../store/tenant-scope.ts';
import { accreditActor, platformAuthority } from '../../workflows/activities/accreditation.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary =
  'accredit --org <id> --actor <principal> --role registry|verifier: the authority names a role';

const usage = `usage: mrv accredit --org <orgId> --actor <API key or OAuth client id> --role registry|verifier
       mrv accredit --authority     (prints the accreditation authority's DID)
(reads MONGODB_URI / MONGODB_DB and MRV_MASTER_KEY)`;

/**
 * `mrv accredit`: the deployment operator, as accreditation authority, issues a RoleAccreditation
 * for one principal's DID. Auditors pass the authority's DID to `mrv chain verify --authority`; only
 * registries and verifiers accredited this way make a trust chain's registrations and reviews count.
 */
export async function run(args: string[]): Promise<number> {
  let values: { org?: string; actor?: string; role?: string; authority?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        org: { type: 'string' },
        actor: { type: 'string' },
        role: { type: 'string' },
        authority: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  const { org, actor, role } = values;
  if (!values.authority) {
    if (!org || !isOrgId(org)) throw new CliUsageError(`--org must be an organization id (org_…)\n${usage}`);
    if (!actor?.trim() || actor.length > 200) throw new CliUsageError(`--actor is required\n${usage}`);
    if (role !== 'registry' && role !== 'verifier')
      throw new CliUsageError(`--role must be registry or verifier\n${usage}`);
  }
  const config = loadConfig();
  if (!config.mongodb.uri) throw new CliUsageError(`MONGODB_URI is not set\n${usage}`);
  if (!config.masterKey) throw new CliUsageError(`MRV_MASTER_KEY is not set\n${usage}`);
  const mongo = await connectMongo({
    uri: config.mongodb.uri,
    dbName: config.mongodb.db,
    appName: 'mrv-accredit',
  });
  try {
    const deps = {
      db: mongo.db,
      now: () => new Date(),
      keyStore: createEncryptedKeyStore({
        masterKey: masterKeyFromBase64(config.masterKey, 'MRV_MASTER_KEY'),
        records: await createMongoKeyRecords({ db: mongo.db }),
        randomBytes: (n) => randomBytes(n),
      }),
    };
    const result = values.authority
      ? { authority: (await platformAuthority(deps)).did }
      : await accreditActor(deps, issueTenantScope(org!), { actorId: actor!, role: role as 'registry' });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await mongo.close();
  }
}
