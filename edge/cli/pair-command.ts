import { mkdirSync, writeFileSync } from 'node:fs';
import type { GatewayConfig } from '../agent/gateway-config.ts';
import { enrollCertificate, refusedBy } from '../enrollment/enroll-certificate.ts';
import { createKeyVault } from '../keys/key-vault.ts';
import { createHttpClient } from '../sender/http-client.ts';
import { EdgeError } from '../template/edge-error.ts';
import type { EdgePaths } from './edge-paths.ts';

/** What `mrv-edge pair` needs out of a pairing payload (docs/api/mtls.md, "Enrollment contract"). */
export interface PairingInput {
  apiUrl: string;
  mtlsUrl: string | null;
  gatewayId: string;
  token: string;
  deviceDids: string[] | null;
}

const TOKEN = /^mrv_enr_org_[0-9A-Za-z]{22}_[0-9A-Za-z]{43}$/;

/** The QR payload (JSON), or a bare enrollment token with `--api`, `--mtls` and `--gateway`. */
export function parsePairingInput(
  input: string,
  flags: { apiUrl?: string; mtlsUrl?: string; gatewayId?: string } = {},
): PairingInput {
  const text = input.trim();
  if (text.startsWith('{')) {
    let p: Record<string, unknown>;
    try {
      p = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new EdgeError('PAIRING_FAILED', 'the QR payload is not JSON');
    }
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const apiUrl = flags.apiUrl ?? str(p.api_url);
    const gatewayId = str(p.gateway_id);
    const token = str(p.enrollment_token);
    if (p.v !== 1 || p.kind !== 'gateway' || !apiUrl || !gatewayId || !token) {
      throw new EdgeError(
        'PAIRING_FAILED',
        'the QR payload needs v: 1, kind: "gateway", api_url, gateway_id and enrollment_token',
      );
    }
    const dids = Array.isArray(p.device_dids) ? p.device_dids.filter((d) => typeof d === 'string') : null;
    return { apiUrl, mtlsUrl: flags.mtlsUrl ?? str(p.mtls_url) ?? null, gatewayId, token, deviceDids: dids };
  }
  if (!TOKEN.test(text))
    throw new EdgeError('PAIRING_FAILED', 'not a pairing payload nor an enrollment token');
  if (!flags.apiUrl || !flags.gatewayId) {
    throw new EdgeError('PAIRING_FAILED', 'a bare enrollment token needs --api <url> and --gateway <gw_…>');
  }
  return {
    apiUrl: flags.apiUrl,
    mtlsUrl: flags.mtlsUrl ?? null,
    gatewayId: flags.gatewayId,
    token: text,
    deviceDids: null,
  };
}

const httpUrl = (url: string) => {
  if (!/^https?:\/\//.test(url)) throw new EdgeError('PAIRING_FAILED', `not an http(s) URL: ${url}`);
  return url;
};

/**
 * `mrv-edge pair`: enrolls this gateway (a P-256 key made here, its CSR sent with the one-time
 * token), then fetches the agent's configuration over mutual TLS with the new certificate and stores
 * it; the TLS key joins the device keys (`mrv-edge keygen`) in the sealed vault. The devices the
 * gateway speaks for must have their keys here: the API only knows their DIDs.
 */
export async function pairCommand(input: {
  pairing: PairingInput;
  paths: EdgePaths;
  /** PEM the mTLS listener's server certificate must match or chain to (`mrv up`: .data/mtls/server-cert.pem). */
  serverCa?: string;
  passphrase?: string;
}): Promise<GatewayConfig> {
  const { pairing, paths } = input;
  const vault = createKeyVault({
    path: paths.vault,
    keyFile: paths.keyFile,
    ...(input.passphrase ? { passphrase: input.passphrase } : {}),
  });
  if (!vault.exists())
    throw new EdgeError('PAIRING_FAILED', 'no device keys yet: run `mrv-edge keygen` first');
  const secrets = vault.open();
  const missing = (pairing.deviceDids ?? []).filter((did) => !secrets.devices[did]);
  if (missing.length > 0) {
    throw new EdgeError('PAIRING_FAILED', `the gateway's devices have no key here: ${missing.join(', ')}`);
  }
  if (!pairing.mtlsUrl) {
    throw new EdgeError(
      'PAIRING_FAILED',
      'the API runs no mutual-TLS listener (MTLS_PORT); the agent sends over mutual TLS only',
    );
  }
  const reach = async <T>(url: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof EdgeError) throw error;
      throw new EdgeError('PAIRING_FAILED', `cannot reach ${url}: ${(error as Error).message}`);
    }
  };
  const plain = createHttpClient({
    baseUrl: httpUrl(pairing.apiUrl),
    timeoutMs: 15_000,
    ...(input.serverCa ? { tls: { ca: input.serverCa } } : {}),
  });
  const enrolled = await reach(pairing.apiUrl, () =>
    enrollCertificate({ client: plain, gatewayId: pairing.gatewayId, enrollmentToken: pairing.token }),
  ).finally(() => plain.close());
  const tls = {
    cert: enrolled.certPem,
    key: enrolled.keyPem,
    ...(input.serverCa ? { ca: input.serverCa } : {}),
  };
  const mtls = createHttpClient({ baseUrl: httpUrl(pairing.mtlsUrl), timeoutMs: 15_000, tls });
  const answer = await reach(pairing.mtlsUrl, () =>
    firstHandshake(() => mtls.request('GET', `/v1/gateways/${encodeURIComponent(pairing.gatewayId)}/config`)),
  ).finally(() => mtls.close());
  if (answer.status !== 200) throw refusedBy('configuration request', answer.status, answer.body);
  const config = JSON.parse(answer.body) as Omit<GatewayConfig, 'api_url'>;
  const unkeyed = config.devices.filter((d) => !secrets.devices[d.did]).map((d) => d.did);
  if (unkeyed.length > 0) {
    throw new EdgeError('PAIRING_FAILED', `the configured devices have no key here: ${unkeyed.join(', ')}`);
  }
  const stored: GatewayConfig = {
    ...config,
    api_url: pairing.mtlsUrl,
    tls: {
      cert: enrolled.certPem,
      not_after: enrolled.notAfter,
      ...(input.serverCa ? { ca: input.serverCa } : {}),
    },
  };
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  vault.seal({ ...secrets, tls_key: enrolled.keyPem });
  writeFileSync(paths.config, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  return stored;
}

/**
 * Another API instance may learn of a brand-new organization CA up to its refresh bound (5 s,
 * docs/api/mtls.md) after the certificate was issued, and closes the handshake until then: retry a
 * closed connection for a little longer than that bound, then give up.
 */
async function firstHandshake<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 8000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
