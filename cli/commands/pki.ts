import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { operatorTenantScope } from '../../api/auth/authenticator.ts';
import { loadConfig } from '../../config/index.ts';
import { createEncryptedKeyStore } from '../../identity/encrypted-key-store.ts';
import { masterKeyFromBase64 } from '../../identity/master-key.ts';
import { ensureIssuingCa, issueCrl, revokeCertificates } from '../../pki/issuing-ca.ts';
import { createMongoKeyRecords } from '../../store/key-store.ts';
import { connectMongo } from '../../store/mongo.ts';
import { pkiStore } from '../../store/pki-store.ts';
import { isOrgId } from '../../store/tenant-scope.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary = 'pki create-ca|list|revoke|crl --org <id>: the gateway certificate authority';

const usage = `usage: mrv pki create-ca --org <orgId>
       mrv pki list --org <orgId> [--gateway <gw_…>]
       mrv pki revoke --org <orgId> --sha256 <hex> --reason <text>
       mrv pki crl --org <orgId>
(reads MONGODB_URI / MONGODB_DB; create-ca and revoke also MRV_MASTER_KEY)`;

const out = (value: unknown) =>
  process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);

/**
 * `mrv pki`: the operator's view of an organization's gateway CA. `create-ca` makes it now (it is
 * otherwise made on first use); `list` prints one JSON line per certificate; `revoke` revokes one
 * and re-issues the CRL (every API instance refuses it within 5 s); `crl` prints the current CRL.
 */
export async function run(args: string[]): Promise<number> {
  let parsed: {
    values: { org?: string; gateway?: string; sha256?: string; reason?: string };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args,
      options: {
        org: { type: 'string' },
        gateway: { type: 'string' },
        sha256: { type: 'string' },
        reason: { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  const [verb, ...extra] = parsed.positionals;
  const { org, gateway, sha256, reason } = parsed.values;
  if (!verb || extra.length > 0 || !['create-ca', 'list', 'revoke', 'crl'].includes(verb))
    throw new CliUsageError(usage);
  if (!org || !isOrgId(org)) throw new CliUsageError(`--org must be an organization id (org_…)\n${usage}`);
  if (verb === 'revoke' && (!sha256 || !/^[0-9a-f]{64}$/.test(sha256) || !reason?.trim())) {
    throw new CliUsageError(`revoke needs --sha256 <64 hex digits> and --reason <text>\n${usage}`);
  }
  const config = loadConfig();
  if (!config.mongodb.uri) throw new CliUsageError(`MONGODB_URI is not set\n${usage}`);
  const needsKey = verb === 'create-ca' || verb === 'revoke' || verb === 'crl';
  if (needsKey && !config.masterKey) throw new CliUsageError(`MRV_MASTER_KEY is not set\n${usage}`);
  const mongo = await connectMongo({
    uri: config.mongodb.uri,
    dbName: config.mongodb.db,
    appName: 'mrv-pki',
  });
  try {
    const tenant = operatorTenantScope(org);
    const store = pkiStore(mongo.db);
    const records = needsKey ? await createMongoKeyRecords({ db: mongo.db }) : undefined;
    const deps = () => ({
      db: mongo.db,
      clock: () => new Date(),
      keyStore: createEncryptedKeyStore({
        masterKey: masterKeyFromBase64(config.masterKey!, 'MRV_MASTER_KEY'),
        records: records!,
        randomBytes: (n) => randomBytes(n),
      }),
    });
    if (verb === 'create-ca') {
      const ca = await ensureIssuingCa(deps(), tenant);
      out({ org_id: org, key_id: ca.keyId, not_after: ca.notAfter.toISOString(), ca_pem: ca.certPem });
    } else if (verb === 'list') {
      for (const c of await store.certificates(tenant, gateway ? { gatewayId: gateway } : {})) {
        out({
          sha256: c._id,
          serial: c.serial,
          gateway_id: c.gatewayId,
          device_dids: c.deviceDids,
          not_before: c.notBefore.toISOString(),
          not_after: c.notAfter.toISOString(),
          revoked_at: c.revokedAt?.toISOString() ?? null,
        });
      }
    } else if (verb === 'revoke') {
      const revoked = await revokeCertificates(deps(), tenant, [sha256!], reason!.trim());
      out({ revoked, crl_number: (await store.latestCrl(tenant))?.number ?? null });
      if (revoked === 0)
        process.stderr.write('pki: no unrevoked certificate of this organization has that fingerprint\n');
      return revoked === 0 ? 1 : 0;
    } else {
      if (!(await store.ca(tenant))) {
        process.stderr.write('pki: this organization has no CA yet (mrv pki create-ca)\n');
        return 1;
      }
      const crl = await store.latestCrl(tenant);
      out((crl ?? (await issueCrl(deps(), tenant))).pem.trimEnd());
    }
    return 0;
  } finally {
    await mongo.close();
  }
}
