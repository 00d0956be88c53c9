import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Config } from '../config/index.ts';
import { createEncryptedKeyStore } from '../identity/encrypted-key-store.ts';
import { createIssuerCosigner } from '../identity/issuer-ledger-key.ts';
import type { KeyStore } from '../identity/key-store.ts';
import { masterKeyFromBase64 } from '../identity/master-key.ts';
import { createHederaClient, type HederaConnection } from '../ledger/create-hedera-client.ts';
import { createHederaLedger, type HederaLedger } from '../ledger/hedera-ledger.ts';
import { ledgerMetrics } from '../observability/ledger-metrics.ts';
import { createMongoKeyRecords } from '../store/key-store.ts';
import { ledgerIntentStore } from '../store/ledger-intent-store.ts';

export interface WorkerServices {
  hedera: HederaConnection;
  ledger: HederaLedger;
  keyStore: KeyStore;
  mirrorUrl: string;
  close(): void;
}

/** The external services the activities use, built once per worker process from the configuration. */
export async function createWorkerServices(options: {
  db: Db;
  hedera: Config['hedera'];
  masterKey: string | undefined;
}): Promise<WorkerServices> {
  if (!options.masterKey) {
    throw new Error('MRV_MASTER_KEY: is required by the worker (it wraps the issuer keys at rest)');
  }
  const hedera = createHederaClient({
    network: options.hedera.network,
    operatorId: options.hedera.operatorId,
    operatorKey: options.hedera.operatorKey,
    mirrorUrl: options.hedera.mirrorUrl,
    local: options.hedera.local,
  });
  const intents = ledgerIntentStore(options.db);
  await intents.ensureIndexes();
  const keyStore = createEncryptedKeyStore({
    masterKey: masterKeyFromBase64(options.masterKey, 'MRV_MASTER_KEY'),
    records: await createMongoKeyRecords({ db: options.db }),
    randomBytes: (n) => randomBytes(n),
  });
  return {
    hedera,
    // The organization's issuer key co-signs what it controls: its anchor topic and its tokens.
    ledger: createHederaLedger({
      hedera,
      store: intents,
      cosign: createIssuerCosigner(keyStore),
      ...ledgerMetrics(),
    }),
    keyStore,
    mirrorUrl: hedera.mirror.baseUrl,
    close: () => hedera.close(),
  };
}
