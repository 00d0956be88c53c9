import type { Db } from 'mongodb';
import { createHederaClient, type HederaConnection } from '../../../ledger/create-hedera-client.ts';
import { createHederaLedger, type HederaLedger, type LedgerTuning } from '../../../ledger/hedera-ledger.ts';
import type { Cosigner } from '../../../ledger/ledger-operations.ts';
import {
  type FaultConfig,
  type LocalNetwork,
  startLocalNetwork,
} from '../../../ledger/local-network/index.ts';
import { ledgerIntentStore } from '../../../store/ledger-intent-store.ts';
import { connectMongo, type MongoHandle } from '../../../store/mongo.ts';
import { mongoUri, uniqueDbName } from '../../support/services.ts';

/**
 * Short windows so that "the valid window has passed" is reached in seconds, not minutes. 30 s leaves
 * 19 s to submit: the node refuses bytes within 10 s of expiry, and the start is backdated 1 s.
 */
export const fastTuning: Partial<LedgerTuning> = {
  validDurationS: 30,
  validStartBackdateMs: 1_000,
  mirrorGraceMs: 500,
  pollIntervalMs: 100,
  backoffBaseMs: 20,
  backoffMaxMs: 500,
  breakerFailures: 10,
  breakerOpenMs: 200,
  // "Eventually confirmed" on a loaded CI machine: a slow store must not turn into dead letters.
  maxRetries: 200,
  maxElapsedMs: 30 * 60_000,
};

export interface LedgerFixture {
  network: LocalNetwork;
  hedera: HederaConnection;
  mongo: MongoHandle;
  db: Db;
  ledger: HederaLedger;
  /** A second adapter over the same store and network: another worker process (optionally a co-signer). */
  newLedger(tuning?: Partial<LedgerTuning>, cosign?: Cosigner): HederaLedger;
  close(): Promise<void>;
}

/** A real local network on ephemeral ports, a real MongoDB-wire database, and the real SDK between them. */
export async function startLedgerFixture(o: {
  prefix: string;
  faults?: FaultConfig;
  tuning?: Partial<LedgerTuning>;
  requestTimeoutMs?: number;
  /** The network's clock (ms); the real one unless given. */
  networkNow?: () => number;
}): Promise<LedgerFixture> {
  const network = await startLocalNetwork({
    grpcPort: 0,
    mirrorGrpcPort: 0,
    mirrorRestPort: 0,
    faults: o.faults,
    ...(o.networkNow ? { now: o.networkNow } : {}),
  });
  const mongo = await connectMongo({ uri: mongoUri(), dbName: uniqueDbName(o.prefix) });
  const store = ledgerIntentStore(mongo.db);
  await store.ensureIndexes();
  const connections: HederaConnection[] = [];
  const connect = () => {
    const c = createHederaClient({
      network: 'local',
      operatorId: network.operator.accountId,
      operatorKey: network.operator.privateKey,
      mirrorUrl: network.mirrorRestUrl,
      local: { grpcEndpoint: network.grpcEndpoint, nodeAccountId: network.nodeAccountId },
      requestTimeoutMs: o.requestTimeoutMs ?? 2_000,
    });
    connections.push(c);
    return c;
  };
  const hedera = connect();
  const newLedger = (tuning?: Partial<LedgerTuning>, cosign?: Cosigner) =>
    createHederaLedger({
      hedera: connect(),
      store,
      tuning: { ...fastTuning, ...o.tuning, ...tuning },
      ...(cosign ? { cosign } : {}),
    });
  return {
    network,
    hedera,
    mongo,
    db: mongo.db,
    ledger: createHederaLedger({ hedera, store, tuning: { ...fastTuning, ...o.tuning } }),
    newLedger,
    async close() {
      for (const c of connections) c.close();
      await network.stop();
      await mongo.db.dropDatabase().catch(() => undefined);
      await mongo.close();
    },
  };
}

/** The texts of every message of a topic, as the mirror node shows them. */
export async function mirrorMessages(ledger: HederaLedger, topicId: string): Promise<string[]> {
  const all: string[] = [];
  for await (const m of ledger.mirror.topicMessages(topicId))
    all.push(Buffer.from(m.message, 'base64').toString());
  return all;
}
