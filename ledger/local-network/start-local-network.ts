/**
 * Starts the local Hedera network: the consensus node on gRPC (default 127.0.0.1:50211, node 0.0.3), the
 * mirror gRPC API (5600) and the mirror REST API with the admin endpoint (5551) — the ports of Hedera's own
 * local node, so `Client.forLocalNode()` works unchanged.
 */
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { PrivateKey } from '@hashgraph/sdk';
import { serve } from '@hono/node-server';
import { ConsensusNode } from './consensus-node.ts';
import { parseEntityId } from './entity-id.ts';
import { fileEventLog, memoryEventLog } from './event-log.ts';
import { type FaultConfig, FaultInjector } from './fault-injector.ts';
import { GENESIS_ACCOUNT } from './ledger-state.ts';
import { LocalNetworkError } from './local-network-error.ts';
import { addMirrorServices } from './mirror-grpc-server.ts';
import { createMirrorRestApp } from './mirror-rest-app.ts';
import { MirrorView } from './mirror-view.ts';
import { addNodeServices } from './node-grpc-server.ts';

/** The development key Hedera's local node publishes for its genesis account 0.0.2. */
export const LOCAL_NODE_GENESIS_KEY =
  '302e020100300506032b65700422042091132178e72057a1d7528025956fe39b0b847f200ab59b2fdd367017f3087137';

/** The ports of Hedera's local node (hiero-local-node), which `Client.forLocalNode()` expects. */
export const LOCAL_NODE_DEFAULTS = {
  host: '127.0.0.1',
  grpcPort: 50211,
  mirrorGrpcPort: 5600,
  mirrorRestPort: 5551,
  nodeAccountId: '0.0.3',
} as const;

export interface LocalNetworkOptions {
  /** State is persisted here (an NDJSON consensus event log); undefined → in memory only. */
  dataDir?: string;
  host?: string;
  grpcPort?: number;
  mirrorGrpcPort?: number;
  mirrorRestPort?: number;
  nodeAccountId?: string;
  /** DER hex (or any form PrivateKey.fromString accepts) of the genesis account 0.0.2's key. */
  genesisPrivateKey?: string;
  faults?: FaultConfig;
  /** Clock in ms since the epoch (faults, outages). Consensus uses `nowNs`, derived from it when only it is given. */
  now?: () => number;
  /** Consensus clock in ns since the epoch; default: the wall clock with the monotonic clock's ns resolution. */
  nowNs?: () => bigint;
  /** Randomness for fault draws, 0 ≤ x < 1. */
  random?: () => number;
}

export interface LocalNetwork {
  grpcEndpoint: string;
  mirrorGrpcEndpoint: string;
  mirrorRestUrl: string;
  nodeAccountId: string;
  operator: { accountId: string; privateKey: string };
  setFaults(f: FaultConfig): void;
  stop(): Promise<void>;
}

function bindGrpc(server: grpc.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error
        ? reject(
            new LocalNetworkError('STARTUP_FAILED', `cannot bind gRPC ${host}:${port}`, { cause: error }),
          )
        : resolve(bound),
    );
  });
}

/** Wall-clock time with nanosecond resolution: Date.now() once, then the monotonic clock's progress. */
function nanosecondClock(): () => bigint {
  const originNs = BigInt(Date.now()) * 1_000_000n;
  const originHr = process.hrtime.bigint();
  return () => originNs + (process.hrtime.bigint() - originHr);
}

function checkPort(name: string, port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LocalNetworkError('INVALID_OPTIONS', `${name} must be an integer port in 0..65535`);
  }
  return port;
}

export async function startLocalNetwork(o: LocalNetworkOptions = {}): Promise<LocalNetwork> {
  const host = o.host ?? LOCAL_NODE_DEFAULTS.host;
  const now = o.now ?? Date.now;
  const nowNs = o.nowNs ?? (o.now ? () => BigInt(Math.floor(now())) * 1_000_000n : nanosecondClock());
  const nodeAccountId = o.nodeAccountId ?? LOCAL_NODE_DEFAULTS.nodeAccountId;
  const nodeAccount = parseEntityId(nodeAccountId);
  if (nodeAccount === undefined || nodeAccount === GENESIS_ACCOUNT || nodeAccount === 0n) {
    throw new LocalNetworkError(
      'INVALID_OPTIONS',
      `nodeAccountId '${nodeAccountId}' is not a usable account id`,
    );
  }
  const privateKeyText = o.genesisPrivateKey ?? LOCAL_NODE_GENESIS_KEY;
  let genesisKey: PrivateKey;
  try {
    genesisKey = PrivateKey.fromStringDer(privateKeyText);
  } catch (cause) {
    throw new LocalNetworkError('INVALID_OPTIONS', 'genesisPrivateKey is not a DER-encoded private key', {
      cause,
    });
  }
  const publicKey = genesisKey.publicKey.toBytesRaw();
  const key = genesisKey.type === 'ED25519' ? { ed25519: publicKey } : { ECDSASecp256k1: publicKey };

  const node = new ConsensusNode({
    nodeAccount,
    genesisKey: key,
    nowNs,
    log: o.dataDir ? fileEventLog(o.dataDir) : memoryEventLog(),
  });
  const faults = new FaultInjector(o.faults ?? {}, o.random ?? Math.random, now);
  const view = new MirrorView(node, faults, now);

  const nodeServer = new grpc.Server();
  addNodeServices(nodeServer, node, faults);
  const grpcPort = await bindGrpc(
    nodeServer,
    host,
    checkPort('grpcPort', o.grpcPort ?? LOCAL_NODE_DEFAULTS.grpcPort),
  );

  const mirrorServer = new grpc.Server();
  addMirrorServices(mirrorServer, node, {
    host,
    grpcPort: () => grpcPort,
    inOutage: () => faults.mirrorInOutage(),
    view,
  });
  let mirrorGrpcPort: number;
  try {
    mirrorGrpcPort = await bindGrpc(
      mirrorServer,
      host,
      checkPort('mirrorGrpcPort', o.mirrorGrpcPort ?? LOCAL_NODE_DEFAULTS.mirrorGrpcPort),
    );
  } catch (error) {
    nodeServer.forceShutdown();
    throw error;
  }

  const app = createMirrorRestApp({ node, faults, now, view });
  let restServer: ReturnType<typeof serve>;
  let mirrorRestPort: number;
  try {
    const wanted = checkPort('mirrorRestPort', o.mirrorRestPort ?? LOCAL_NODE_DEFAULTS.mirrorRestPort);
    restServer = serve({ fetch: app.fetch, hostname: host, port: wanted });
    mirrorRestPort = await new Promise<number>((resolve, reject) => {
      restServer.once('listening', () => resolve((restServer.address() as AddressInfo).port));
      restServer.once('error', (cause) =>
        reject(new LocalNetworkError('STARTUP_FAILED', `cannot listen on ${host}:${wanted}`, { cause })),
      );
    });
  } catch (error) {
    nodeServer.forceShutdown();
    mirrorServer.forceShutdown();
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    grpcEndpoint: `${host}:${grpcPort}`,
    mirrorGrpcEndpoint: `${host}:${mirrorGrpcPort}`,
    mirrorRestUrl: `http://${host}:${mirrorRestPort}`,
    nodeAccountId,
    operator: { accountId: `0.0.${GENESIS_ACCOUNT}`, privateKey: genesisKey.toStringDer() },
    setFaults: (f) => faults.set(f),
    stop() {
      stopped ??= (async () => {
        // Open subscriptions and hung calls would keep a graceful shutdown waiting forever.
        nodeServer.forceShutdown();
        mirrorServer.forceShutdown();
        await new Promise<void>((resolve) => {
          restServer.close(() => resolve());
          (restServer as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
      })();
      return stopped;
    },
  };
}
