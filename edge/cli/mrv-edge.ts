import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EdgeAgent } from '../agent/edge-agent.ts';
import { createKeyVault } from '../keys/key-vault.ts';
import { EdgeError } from '../template/edge-error.ts';
import { edgePaths } from './edge-paths.ts';
import { jsonLog } from './json-log.ts';
import { keygenCommand } from './keygen-command.ts';
import { loadGateway } from './load-gateway.ts';
import { pairCommand, parsePairingInput } from './pair-command.ts';
import { statusCommand } from './status-command.ts';
import { testCommand } from './test-command.ts';

const USAGE = `mrv-edge — the hydro MRV edge agent

  mrv-edge keygen [--count N]  make N device keys here, print their did:keys (register them)
  mrv-edge pair <QR payload | enrollment token> [--server-ca FILE]
                      [--api URL --mtls URL --gateway gw_…]   enroll by CSR, fetch the config
  mrv-edge test        read every mapped point once, print the document it would send
  mrv-edge run         run: poll, build and sign documents, buffer, send
  mrv-edge status      last reads, buffer depth, last submit, dead letters

  --data DIR       data directory (default $MRV_EDGE_DATA or ./mrv-edge-data)
  --key-file FILE  vault key file (default $MRV_EDGE_KEY_FILE or DIR/vault.key);
                   or set MRV_EDGE_PASSPHRASE to seal the vault with a passphrase
`;

/** The `mrv-edge` command. Exit codes: 0 ok, 1 failed, 2 usage. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'key-file': { type: 'string' },
      api: { type: 'string' },
      mtls: { type: 'string' },
      gateway: { type: 'string' },
      'server-ca': { type: 'string' },
      count: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, arg] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const paths = edgePaths(
    values.data ?? process.env.MRV_EDGE_DATA ?? 'mrv-edge-data',
    values['key-file'] ?? process.env.MRV_EDGE_KEY_FILE,
  );
  const passphrase = process.env.MRV_EDGE_PASSPHRASE || undefined;
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  try {
    switch (command) {
      case 'pair': {
        if (!arg) throw new EdgeError('PAIRING_FAILED', 'mrv-edge pair needs the pairing code or QR payload');
        const serverCa = values['server-ca'] ? readPem(values['server-ca']) : undefined;
        const config = await pairCommand({
          pairing: parsePairingInput(arg, {
            ...(values.api ? { apiUrl: values.api } : {}),
            ...(values.mtls ? { mtlsUrl: values.mtls } : {}),
            ...(values.gateway ? { gatewayId: values.gateway } : {}),
          }),
          paths,
          ...(serverCa ? { serverCa } : {}),
          ...(passphrase ? { passphrase } : {}),
        });
        print({
          paired: config.gateway_id,
          api_url: config.api_url,
          certificate_not_after: config.tls?.not_after,
          devices: config.devices.map((d) => ({
            ref: d.ref,
            device_id: d.device_id,
            did: d.did,
            scope: d.scope,
          })),
          data: paths.dir,
        });
        return 0;
      }
      case 'keygen': {
        const dids = keygenCommand({
          paths,
          count: Number(values.count ?? '1'),
          ...(passphrase ? { passphrase } : {}),
        });
        print({ device_dids: dids, vault: paths.vault });
        return 0;
      }
      case 'test': {
        const { config, secrets } = loadGateway(paths, passphrase);
        const reports = await testCommand(config, secrets);
        print(reports);
        return reports.every((r) => r.gaps.length === 0) ? 0 : 1;
      }
      case 'run': {
        const { config, secrets } = loadGateway(paths, passphrase);
        const vault = createKeyVault({
          path: paths.vault,
          keyFile: paths.keyFile,
          ...(passphrase ? { passphrase } : {}),
        });
        const agent = new EdgeAgent({
          config,
          secrets,
          dataDir: paths.dir,
          log: jsonLog(),
          renewal: { configPath: paths.config, seal: (s) => vault.seal(s) },
        });
        const stop = () => agent.stop();
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        jsonLog().info('mrv-edge running', {
          gateway: config.gateway_id,
          devices: config.devices.length,
          api: config.api_url,
        });
        await agent.run();
        await agent.close();
        return 0;
      }
      case 'status':
        print(statusCommand(paths));
        return 0;
      default:
        process.stderr.write(`unknown command '${command}'\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof EdgeError) {
      process.stderr.write(`mrv-edge: ${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function readPem(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new EdgeError('CONFIG_INVALID', `cannot read ${path}: ${(error as Error).message}`);
  }
}
