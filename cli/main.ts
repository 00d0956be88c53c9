/**
 * The `mrv` command. Each sub-command lives in `cli/commands/<name>.ts` and exports
 * `run(args: string[]): Promise<number>` (the exit code). The table below is the only wiring.
 */
import { ConfigError } from '../config/config-error.ts';
import { CliUsageError } from './cli-error.ts';

type CommandModule = { run(args: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
  up: () => import('./commands/up.ts'),
  'hedera-local': () => import('./commands/hedera-local.ts'),
  services: () => import('./commands/services.ts'),
  worker: () => import('./commands/worker.ts'),
  policy: () => import('./commands/policy.ts'),
  methodology: () => import('./commands/methodology.ts'),
  chain: () => import('./commands/chain.ts'),
  verify: () => import('./commands/verify.ts'),
  api: () => import('./commands/api.ts'),
  audit: () => import('./commands/audit.ts'),
  calibration: () => import('./commands/calibration.ts'),
  ledger: () => import('./commands/ledger.ts'),
  logs: () => import('./commands/logs.ts'),
  backup: () => import('./commands/backup.ts'),
  restore: () => import('./commands/restore.ts'),
  pki: () => import('./commands/pki.ts'),
  accredit: () => import('./commands/accredit.ts'),
};

/** The sub-commands `mrv` knows (docker-compose's commands are checked against it). */
export const commandNames: readonly string[] = Object.keys(commands);

function usage(): string {
  return `usage: mrv <command> [options]\ncommands: ${Object.keys(commands).join(', ')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stderr.write(usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`mrv: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  let mod: CommandModule;
  try {
    mod = await load();
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write(`mrv: command '${name}' is not available in this build\n`);
      return 2;
    }
    throw cause;
  }
  try {
    return await mod.run(rest);
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof ConfigError) {
      process.stderr.write(`mrv ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`mrv ${name}: ${message}\n`);
    return 1;
  }
}
