/** Starts a local network on ephemeral ports and a real SDK client for it. */
import { AccountId, Client, PrivateKey } from '@hashgraph/sdk';
import {
  type LocalNetwork,
  type LocalNetworkOptions,
  startLocalNetwork,
} from '../../../ledger/local-network/index.ts';

export interface Fixture {
  network: LocalNetwork;
  client: Client;
  operatorKey: PrivateKey;
  close(): Promise<void>;
}

export function clientFor(network: LocalNetwork): Client {
  const client = Client.forNetwork(
    { [network.grpcEndpoint]: AccountId.fromString(network.nodeAccountId) },
    { scheduleNetworkUpdate: false },
  ).setMirrorNetwork([network.mirrorGrpcEndpoint]);
  client.setOperator(network.operator.accountId, network.operator.privateKey);
  return client;
}

export async function startFixture(options: LocalNetworkOptions = {}): Promise<Fixture> {
  const network = await startLocalNetwork({ grpcPort: 0, mirrorGrpcPort: 0, mirrorRestPort: 0, ...options });
  const client = clientFor(network);
  return {
    network,
    client,
    operatorKey: PrivateKey.fromStringDer(network.operator.privateKey),
    async close() {
      client.close();
      await network.stop();
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests index freely into mirror JSON
export type MirrorBody = any;

export async function mirrorGet(
  network: LocalNetwork,
  path: string,
): Promise<{ status: number; body: MirrorBody }> {
  const response = await fetch(`${network.mirrorRestUrl}${path}`);
  return { status: response.status, body: await response.json() };
}
