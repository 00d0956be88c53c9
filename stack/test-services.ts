import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedService, startEmbeddedMongo } from './embedded-mongodb.ts';
import { startEmbeddedTemporal } from './embedded-temporal.ts';
import { findFreePort } from './ports.ts';

export interface ThrowawayServices {
  env: { MONGODB_URI: string; TEMPORAL_ADDRESS: string };
  /** Which servers are in use, for test output ("prints which servers it used"). */
  describe: string[];
  stop(): Promise<void>;
}

/**
 * Starts a throw-away MongoDB-wire server and Temporal dev server on free ports in a temp dir,
 * unless MONGODB_URI / TEMPORAL_ADDRESS already point at external ones.
 */
export async function startThrowawayServices(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ThrowawayServices> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mrv-test-'));
  const started: EmbeddedService[] = [];
  const describe: string[] = [];
  const stop = async () => {
    await Promise.all(started.map((s) => s.process.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    let mongoUri = env.MONGODB_URI;
    if (mongoUri) describe.push(`MongoDB (external): ${mongoUri.replace(/\/\/[^@/]*@/, '//***@')}`);
    else {
      const mongo = await startEmbeddedMongo({ dataDir, port: await findFreePort() });
      started.push(mongo);
      mongoUri = mongo.address;
      describe.push(`MongoDB-wire (FerretDB/SQLite, pid ${mongo.process.pid}): ${mongoUri}`);
    }
    let temporalAddress = env.TEMPORAL_ADDRESS;
    if (temporalAddress) describe.push(`Temporal (external): ${temporalAddress}`);
    else {
      const temporal = await startEmbeddedTemporal({ dataDir, port: await findFreePort() });
      started.push(temporal);
      temporalAddress = temporal.address;
      describe.push(`Temporal (CLI dev server, pid ${temporal.process.pid}): ${temporalAddress}`);
    }
    return { env: { MONGODB_URI: mongoUri, TEMPORAL_ADDRESS: temporalAddress }, describe, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
