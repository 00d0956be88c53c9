import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.ts';
import { verifyAuditChain } from '../../store/audit-chain.ts';
import { auditLogStore } from '../../store/audit-log-store.ts';
import { connectMongo } from '../../store/mongo.ts';
import { organizationStore } from '../../store/organization-store.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary = 'audit verify [--org <id>]: check the hash-chained audit log for edits and deletions';

const usage = 'usage: mrv audit verify [--org <orgId>]   (reads MONGODB_URI / MONGODB_DB)';

/**
 * `mrv audit verify` walks every organization's audit chain (or one) and prints one JSON line per
 * organization: `{"org_id","records","ok","problems":[…]}`. Exit 0 when every chain is intact, 1 otherwise.
 */
export async function run(args: string[]): Promise<number> {
  let parsed: { values: { org?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { org: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  if (parsed.positionals[0] !== 'verify' || parsed.positionals.length !== 1) throw new CliUsageError(usage);
  const config = loadConfig();
  if (!config.mongodb.uri) throw new CliUsageError(`MONGODB_URI is not set\n${usage}`);
  const mongo = await connectMongo({
    uri: config.mongodb.uri,
    dbName: config.mongodb.db,
    appName: 'mrv-audit',
  });
  try {
    const audit = auditLogStore(mongo.db);
    const orgIds = parsed.values.org ? [parsed.values.org] : await organizationStore(mongo.db).listIds();
    let ok = true;
    for (const orgId of orgIds) {
      const records = [];
      for await (const record of audit.chain(orgId)) records.push(record);
      const problems = verifyAuditChain(records, await audit.head(orgId));
      ok &&= problems.length === 0;
      process.stdout.write(
        `${JSON.stringify({ org_id: orgId, records: records.length, ok: problems.length === 0, problems })}\n`,
      );
    }
    process.stderr.write(ok ? `audit: ${orgIds.length} chain(s) intact\n` : 'audit: TAMPERING DETECTED\n');
    return ok ? 0 : 1;
  } finally {
    await mongo.close();
  }
}
