import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { didKeyFromEd25519Key } from '../../engine/telemetry/index.ts';
import { createKeyVault, type VaultSecrets } from '../keys/key-vault.ts';
import { EdgeError } from '../template/edge-error.ts';
import type { EdgePaths } from './edge-paths.ts';

/**
 * `mrv-edge keygen`: makes device signing keys (Ed25519) here and seals them in the vault; prints
 * their did:keys for the operator to register (`POST /v1/devices/register`) and attach to the
 * gateway. The private keys never leave the gateway, so no one at the issuer can sign as a meter.
 */
export function keygenCommand(input: { paths: EdgePaths; count: number; passphrase?: string }): string[] {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > 32) {
    throw new EdgeError('CONFIG_INVALID', '--count must be an integer from 1 to 32');
  }
  mkdirSync(input.paths.dir, { recursive: true, mode: 0o700 });
  const vault = createKeyVault({
    path: input.paths.vault,
    keyFile: input.paths.keyFile,
    ...(input.passphrase ? { passphrase: input.passphrase } : {}),
  });
  const secrets: VaultSecrets = vault.exists() ? vault.open() : { devices: {} };
  const made: string[] = [];
  for (let i = 0; i < input.count; i += 1) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' }) as VaultSecrets['devices'][string];
    const did = didKeyFromEd25519Key(Buffer.from(jwk.x, 'base64url'));
    secrets.devices[did] = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d };
    made.push(did);
  }
  vault.seal(secrets);
  return made;
}
