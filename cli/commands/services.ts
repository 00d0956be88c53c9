import { spawn } from 'node:child_process';
import { startThrowawayServices } from '../../stack/test-services.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary =
  'services run -- <command…>: run a command with throw-away MongoDB-wire and Temporal servers';

/**
 * `mrv services run -- <command…>` starts throw-away servers (or uses MONGODB_URI / TEMPORAL_ADDRESS),
 * runs the command with those variables set, stops the servers and returns the command's exit code.
 * The test script uses it so every suite talks to real servers.
 */
export async function run(args: string[]): Promise<number> {
  const [sub, separator, command, ...commandArgs] = args;
  if (sub !== 'run' || separator !== '--' || !command) {
    throw new CliUsageError('usage: mrv services run -- <command> [args…]');
  }
  const services = await startThrowawayServices();
  for (const line of services.describe) process.stderr.write(`services: ${line}\n`);
  const stopAndExit = async (code: number) => {
    await services.stop();
    return code;
  };
  const child = spawn(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...services.env } });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`services: cannot run ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 + 15 : 1)));
  });
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  return await stopAndExit(code);
}
