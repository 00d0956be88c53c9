import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config/index.ts';
import { createEncryptedKeyStore } from '../../identity/encrypted-key-store.ts';
import { createIssuerCosigner } from '../../identity/issuer-ledger-key.ts';
import { masterKeyFromBase64 } from '../../identity/master-key.ts';
import { createHederaClient } from '../../ledger/create-hedera-client.ts';
import { createHederaLedger } from '../../ledger/hedera-ledger.ts';
import type { LedgerIntent } from '../../ledger/intent-store.ts';
import { createMongoKeyRecords } from '../../store/key-store.ts';
import { ledgerIntentStore } from '../../store/ledger-intent-store.ts';
import { connectMongo } from '../../store/mongo.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary =
  'inspect and replay ledger intents (dead letters): replay <id> | show <id> | dead-letters';

const USAGE = `usage:
  mrv ledger replay <id>                         re-run a dead-lettered or failed intent; prints its result (JSON)
  mrv ledger show <id>                           print the intent record (JSON, signed bytes omitted)
  mrv ledger dead-letters [--org <orgId>] [--limit <n>]   one JSON line per dead letter`;

const ID = /^[0-9a-f]{32}$/;

/**
 * Operator tool over the intent store. Uses MONGODB_URI (or the embedded server's port) and, for
 * replay, HEDERA_NETWORK with its operator credentials, exactly like the worker does.
 */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    process.stderr.write(`${USAGE}\n`);
    return sub ? 0 : 2;
  }
  const config = loadConfig();
  const options = parse(sub, rest);
  const mongo = await connectMongo({
    uri: config.mongodb.uri ?? `mongodb://127.0.0.1:${config.mongodb.port}/`,
    dbName: config.mongodb.db,
    appName: 'mrv-ledger-cli',
  });
  try {
    const store = ledgerIntentStore(mongo.db);
    if (options.kind === 'dead-letters') {
      for (const intent of await store.listDeadLetters({ orgId: options.org, limit: options.limit })) {
        process.stdout.write(`${JSON.stringify(brief(intent))}\n`);
      }
      return 0;
    }
    const intent = await store.getById(options.id);
    if (!intent) {
      process.stderr.write(`mrv ledger: no intent ${options.id}\n`);
      return 1;
    }
    if (options.kind === 'show') {
      process.stdout.write(`${JSON.stringify(withoutBytes(intent), null, 2)}\n`);
      return 0;
    }
    // An anchor or mint on an organization's topic or token is co-signed by its issuer key.
    const controlled = intent.request.controlKey !== undefined;
    if (controlled && !config.masterKey) {
      throw new CliUsageError('MRV_MASTER_KEY is not set: this intent is co-signed by an issuer key');
    }
    const cosign = controlled
      ? createIssuerCosigner(
          createEncryptedKeyStore({
            masterKey: masterKeyFromBase64(config.masterKey!, 'MRV_MASTER_KEY'),
            records: await createMongoKeyRecords({ db: mongo.db }),
            randomBytes: (n) => randomBytes(n),
          }),
        )
      : undefined;
    const hedera = createHederaClient({ ...config.hedera, local: config.hedera.local });
    try {
      const ledger = createHederaLedger({ hedera, store, ...(cosign ? { cosign } : {}) });
      const result = await ledger.replay(options.id);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    } finally {
      hedera.close();
    }
  } finally {
    await mongo.close();
  }
}

type Options =
  | { kind: 'replay' | 'show'; id: string }
  | { kind: 'dead-letters'; org?: string; limit: number };

function parse(sub: string, rest: string[]): Options {
  if (sub === 'replay' || sub === 'show') {
    const [id, ...extra] = rest;
    if (!id || extra.length > 0) throw new CliUsageError(`${sub} takes exactly one intent id\n${USAGE}`);
    if (!ID.test(id)) throw new CliUsageError(`'${id}' is not an intent id (32 lowercase hex characters)`);
    return { kind: sub, id };
  }
  if (sub === 'dead-letters') {
    let org: string | undefined;
    let limit = 100;
    for (let i = 0; i < rest.length; i += 2) {
      const [flag, value] = [rest[i], rest[i + 1]];
      if (value === undefined) throw new CliUsageError(`${flag} needs a value`);
      if (flag === '--org') org = value;
      else if (flag === '--limit' && /^\d{1,5}$/.test(value) && Number(value) > 0) limit = Number(value);
      else throw new CliUsageError(`unknown or invalid option ${flag} ${value}\n${USAGE}`);
    }
    return { kind: 'dead-letters', org, limit };
  }
  throw new CliUsageError(`unknown sub-command '${sub}'\n${USAGE}`);
}

function brief(i: LedgerIntent) {
  return {
    id: i.id,
    orgId: i.orgId,
    key: i.key,
    op: i.op,
    attempts: i.attempts.length,
    deadLetter: i.deadLetter,
  };
}

function withoutBytes(i: LedgerIntent) {
  return { ...i, attempts: i.attempts.map(({ signedBytes: _, ...a }) => a) };
}
