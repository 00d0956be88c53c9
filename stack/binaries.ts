import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StackError } from './stack-error.ts';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
/** MRV_TOOLS_DIR relocates the tool folder (tests use it; so can a shared CI cache). */
const binDir = join(process.env.MRV_TOOLS_DIR ?? join(projectRoot, '.tools'), 'bin');

/** Path of an embedded server binary built by scripts/services.sh. */
export function binaryPath(name: 'temporal' | 'ferretdb' | 'victoria-logs'): string {
  const path = join(binDir, name);
  if (!existsSync(path)) {
    const variable = {
      temporal: 'TEMPORAL_ADDRESS',
      ferretdb: 'MONGODB_URI',
      'victoria-logs': 'LOG_STORE_URL',
    }[name];
    throw new StackError(
      'BINARY_MISSING',
      `${name} is not installed in .tools/bin. Run \`bash scripts/services.sh install\` (needs Go), ` +
        `or set ${variable} to use an external server.`,
    );
  }
  return path;
}

/**
 * Environment for the embedded Go servers. Both allocate heavily per request (FerretDB decodes and
 * re-encodes every document), and the default GOGC=100 spent a sixth of their CPU on garbage
 * collection in bench:pipeline; GOGC=400 trades a few hundred MB of heap for that (+15 % readings/s
 * end to end, measured). An operator's own GOGC wins.
 */
export function goServerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, GOGC: env.GOGC ?? '400' };
}
