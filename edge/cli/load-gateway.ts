import { existsSync, readFileSync } from 'node:fs';
import type { GatewayConfig } from '../agent/gateway-config.ts';
import { createKeyVault, type VaultSecrets } from '../keys/key-vault.ts';
import { EdgeError } from '../template/edge-error.ts';
import type { EdgePaths } from './edge-paths.ts';

const MAX_CONFIG = 1024 * 1024;

/** The paired configuration and the opened vault; clear errors for a missing or damaged file. */
export function loadGateway(
  paths: EdgePaths,
  passphrase?: string,
): { config: GatewayConfig; secrets: VaultSecrets } {
  if (!existsSync(paths.config)) {
    throw new EdgeError('CONFIG_INVALID', `no ${paths.config}: pair first (mrv-edge pair <code>)`);
  }
  const text = readFileSync(paths.config, 'utf8');
  if (text.length > MAX_CONFIG)
    throw new EdgeError('CONFIG_INVALID', `${paths.config} is over ${MAX_CONFIG} bytes`);
  let config: GatewayConfig;
  try {
    config = JSON.parse(text) as GatewayConfig;
  } catch (error) {
    throw new EdgeError('CONFIG_INVALID', `${paths.config} is not JSON: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  if (config?.version !== 1) problems.push('version must be 1');
  if (typeof config?.api_url !== 'string') problems.push('api_url is missing');
  if (!Number.isInteger(config?.interval_s) || config.interval_s < 60)
    problems.push('interval_s must be an integer ≥ 60');
  if (!Array.isArray(config?.devices) || config.devices.length === 0)
    problems.push('devices must be a non-empty array');
  if (!config?.plant || !Array.isArray(config.plant.units)) problems.push('plant is missing');
  for (const [i, d] of (Array.isArray(config?.devices) ? config.devices : []).entries()) {
    if (
      typeof d?.ref !== 'string' ||
      typeof d?.did !== 'string' ||
      !Array.isArray(d?.sources) ||
      d.sources.length === 0
    ) {
      problems.push(`devices[${i}] needs ref, did and sources`);
    }
  }
  if (problems.length > 0) throw new EdgeError('CONFIG_INVALID', `${paths.config}: ${problems.join('; ')}`);
  const secrets = createKeyVault({
    path: paths.vault,
    keyFile: paths.keyFile,
    ...(passphrase ? { passphrase } : {}),
  }).open();
  return { config, secrets };
}
