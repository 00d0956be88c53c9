/**
 * A ledger-only worker in a process of its own, for the hard-crash drill: the parent SIGKILLs it in
 * the middle of an anchor, so nothing in it gets to fail the attempt or say goodbye; only the
 * missing heartbeats tell Temporal the attempt is dead.
 *
 * Input: the JSON in MRV_TEST_LEDGER_WORKER (see `LedgerWorkerProcessConfig`). Output on stdout:
 * `ready`, then `crashed <idempotency key>` once the first reading-batch anchor's HCS message reached
 * consensus; after that the call never returns (the process keeps heartbeating until it is killed).
 */
import type { HederaLedger } from '../../../ledger/hedera-ledger.ts';
import { connectMongo } from '../../../store/mongo.ts';
import { createMrvWorker } from '../../../workflows/worker.ts';
import { createWorkerServices } from '../../../workflows/worker-services.ts';

export interface LedgerWorkerProcessConfig {
  temporalAddress: string;
  taskQueue: string;
  mongoUri: string;
  dbName: string;
  /** The parent worker's: the issuer keys this process co-signs anchors with are sealed under it. */
  masterKey: string;
  grpcEndpoint: string;
  mirrorRestUrl: string;
}

const config = JSON.parse(process.env.MRV_TEST_LEDGER_WORKER ?? '') as LedgerWorkerProcessConfig;
const mongo = await connectMongo({ uri: config.mongoUri, dbName: config.dbName });
const [host, port] = config.grpcEndpoint.split(':') as [string, string];
const services = await createWorkerServices({
  db: mongo.db,
  hedera: {
    network: 'local',
    mirrorUrl: config.mirrorRestUrl,
    local: { host, grpcPort: Number(port), mirrorGrpcPort: 0, mirrorRestPort: 0 },
  },
  masterKey: config.masterKey,
});
const real = services.ledger;
let crashed = false;
const ledger: HederaLedger = {
  ...real,
  async submitMessage(request) {
    const result = await real.submitMessage(request);
    if (crashed || !request.idempotencyKey.startsWith('anchor/device/')) return result;
    crashed = true;
    process.stdout.write(`crashed ${request.idempotencyKey}\n`);
    return await new Promise<never>(() => undefined);
  },
};
const { worker } = await createMrvWorker({
  temporalAddress: config.temporalAddress,
  taskQueue: config.taskQueue,
  db: mongo.db,
  concerns: ['ledger'],
  services: { ...services, ledger },
});
const running = worker.run();
process.stdout.write('ready\n');
await running;
