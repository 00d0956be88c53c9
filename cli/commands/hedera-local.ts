import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.ts';
import { startLocalNetwork } from '../../ledger/local-network/index.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary =
  'hedera-local [--data-dir <dir>] [--host h] [--grpc-port n]: run the local Hedera network';

const USAGE =
  'usage: mrv hedera-local [--data-dir <dir>] [--in-memory] [--host <ip>] [--grpc-port <n>] ' +
  '[--mirror-grpc-port <n>] [--mirror-rest-port <n>] [--node-account <0.0.n>]';

function port(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new CliUsageError(`--${name} must be a port number`);
  return Number(value);
}

/**
 * `mrv hedera-local` runs the protocol-level local Hedera network in the foreground on the local node's
 * standard ports, prints its endpoints as one JSON line on stdout, and stops cleanly on Ctrl-C.
 */
export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        host: { type: 'string' },
        'grpc-port': { type: 'string' },
        'mirror-grpc-port': { type: 'string' },
        'mirror-rest-port': { type: 'string' },
        'node-account': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  // Flags win; otherwise the same variables `mrv up` and docker-compose use (HEDERA_LOCAL_*, MRV_DATA_DIR).
  const config = loadConfig();
  if (values['in-memory'] && values['data-dir'])
    throw new CliUsageError('--in-memory and --data-dir exclude each other');
  const dataDir = values['in-memory']
    ? undefined
    : ((values['data-dir'] as string | undefined) ?? join(config.dataDir, 'hedera'));
  const network = await startLocalNetwork({
    ...(dataDir ? { dataDir } : {}),
    host: (values.host as string | undefined) ?? config.hedera.local.host,
    grpcPort: port('grpc-port', values['grpc-port'] as string | undefined) ?? config.hedera.local.grpcPort,
    mirrorGrpcPort:
      port('mirror-grpc-port', values['mirror-grpc-port'] as string | undefined) ??
      config.hedera.local.mirrorGrpcPort,
    mirrorRestPort:
      port('mirror-rest-port', values['mirror-rest-port'] as string | undefined) ??
      config.hedera.local.mirrorRestPort,
    ...(values['node-account'] ? { nodeAccountId: values['node-account'] as string } : {}),
  });
  process.stdout.write(
    `${JSON.stringify({
      grpc: network.grpcEndpoint,
      node_account_id: network.nodeAccountId,
      mirror_grpc: network.mirrorGrpcEndpoint,
      mirror_rest: network.mirrorRestUrl,
      operator_id: network.operator.accountId,
      operator_key: network.operator.privateKey,
      data_dir: dataDir ?? null,
    })}\n`,
  );
  process.stderr.write(
    `hedera-local: node ${network.nodeAccountId} at ${network.grpcEndpoint}, mirror gRPC ${network.mirrorGrpcEndpoint}, ` +
      `mirror REST ${network.mirrorRestUrl}${dataDir ? `, state in ${dataDir}` : ' (in memory)'}; Ctrl-C stops\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await network.stop();
  process.stderr.write('hedera-local: stopped\n');
  return 0;
}
