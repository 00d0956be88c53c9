import { createPrivateKey, X509Certificate } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import type { GatewayConfig } from '../agent/gateway-config.ts';
import type { VaultSecrets } from '../keys/key-vault.ts';
import type { HttpClient } from '../sender/http-client.ts';
import { EdgeError } from '../template/edge-error.ts';
import { type EnrolledCertificate, enrollCertificate } from './enroll-certificate.ts';

/** Renew once two thirds of the certificate's life have passed (30 days before a 90-day one ends). */
const RENEW_AT = 2 / 3;
/** Spread over the next twelfth of its life, so a fleet paired on one day does not renew in one minute. */
const JITTER = 1 / 12;

/** When the agent should renew `certPem`: validFrom + 2/3 of its validity, plus jitter in [0, 1/12). */
export function renewalDueAt(certPem: string, random: () => number = Math.random): number {
  const cert = new X509Certificate(certPem);
  const from = Date.parse(cert.validFrom);
  const life = Date.parse(cert.validTo) - from;
  return from + life * (RENEW_AT + JITTER * random());
}

/**
 * The key among the vault's current and previous TLS keys that belongs to the configured
 * certificate: renewal seals the new key before it writes the new certificate, so a power cut between
 * the two leaves the old certificate with the previous key, which still opens it.
 */
export function keyForCertificate(certPem: string, secrets: VaultSecrets): string | undefined {
  const cert = new X509Certificate(certPem);
  return [secrets.tls_key, secrets.tls_key_previous].find(
    (pem) => pem !== undefined && cert.checkPrivateKey(createPrivateKey(pem)),
  );
}

/** Where a renewal is stored: the configuration file and the vault's seal. */
export interface RenewalStore {
  configPath: string;
  seal(secrets: VaultSecrets): void;
}

/**
 * Asks the API for a new certificate over mutual TLS with the current one (no other credential),
 * then stores it: first the vault (new key, the old one kept as previous), then the configuration
 * by write-and-rename. The old certificate stays valid until it expires, so nothing waits on this.
 */
export async function renewCertificate(input: {
  client: HttpClient;
  config: GatewayConfig;
  secrets: VaultSecrets;
  store: RenewalStore;
}): Promise<{ config: GatewayConfig; secrets: VaultSecrets; enrolled: EnrolledCertificate }> {
  const { config, secrets, store } = input;
  if (!config.tls) throw new EdgeError('PAIRING_FAILED', 'no client certificate to renew: pair first');
  const enrolled = await enrollCertificate({ client: input.client, gatewayId: config.gateway_id });
  const renewedSecrets: VaultSecrets = {
    ...secrets,
    tls_key: enrolled.keyPem,
    ...(secrets.tls_key ? { tls_key_previous: secrets.tls_key } : {}),
  };
  store.seal(renewedSecrets);
  const renewedConfig: GatewayConfig = {
    ...config,
    tls: { ...config.tls, cert: enrolled.certPem, not_after: enrolled.notAfter },
  };
  writeFileSync(`${store.configPath}.tmp`, `${JSON.stringify(renewedConfig, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${store.configPath}.tmp`, store.configPath);
  return { config: renewedConfig, secrets: renewedSecrets, enrolled };
}
