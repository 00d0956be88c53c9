import { AccountId, Client, PrivateKey } from '@hashgraph/sdk';
import { LedgerError } from './ledger-error.ts';
import { MirrorClient } from './mirror-client.ts';

/** The DER key Hedera's local node publishes for its genesis account 0.0.2 (development only). */
export const LOCAL_GENESIS_KEY =
  '302e020100300506032b65700422042091132178e72057a1d7528025956fe39b0b847f200ab59b2fdd367017f3087137';

const PUBLIC_MIRRORS = {
  testnet: 'https://testnet.mirrornode.hedera.com',
  previewnet: 'https://previewnet.mirrornode.hedera.com',
  mainnet: 'https://mainnet-public.mirrornode.hedera.com',
} as const;

export interface HederaClientConfig {
  network: 'local' | 'testnet' | 'previewnet' | 'mainnet';
  /** HEDERA_OPERATOR_ID; defaults to 0.0.2 on `local`. */
  operatorId?: string;
  /** HEDERA_OPERATOR_KEY as DER hex (or 0x-prefixed raw ECDSA hex); defaults to the genesis key on `local`. */
  operatorKey?: string;
  /** HEDERA_MIRROR_URL; defaults per network. */
  mirrorUrl?: string;
  /** `local` only: where the consensus node and mirror REST listen. */
  local?: {
    host?: string;
    grpcEndpoint?: string;
    grpcPort?: number;
    mirrorRestPort?: number;
    nodeAccountId?: string;
  };
  /** Per-call gRPC deadline; the adapter reconciles after it passes. */
  requestTimeoutMs?: number;
}

export interface HederaConnection {
  client: Client;
  operatorId: AccountId;
  operatorKey: PrivateKey;
  mirror: MirrorClient;
  requestTimeoutMs: number;
  close(): void;
}

/**
 * Builds an SDK client for the configured network (HEDERA_NETWORK + operator credentials). The client
 * makes one attempt per call and never regenerates transaction ids: retries, backoff and the choice
 * of a new transaction id belong to the exactly-once executor, which can prove what happened.
 *
 * @example
 * const hedera = createHederaClient({ network: 'testnet', operatorId: '0.0.1234', operatorKey: process.env.HEDERA_OPERATOR_KEY });
 */
export function createHederaClient(config: HederaClientConfig): HederaConnection {
  const requestTimeoutMs = config.requestTimeoutMs ?? 5_000;
  let client: Client;
  let mirrorUrl = config.mirrorUrl;
  if (config.network === 'local') {
    const local = config.local ?? {};
    const host = local.host ?? '127.0.0.1';
    let endpoint = local.grpcEndpoint ?? `${host}:${local.grpcPort ?? 50211}`;
    // The SDK special-cases the literal "127.0.0.1:50211" with 1000 silent attempts per call, which
    // would hide every fault from the executor; the same node under "localhost" behaves normally.
    if (endpoint === '127.0.0.1:50211') endpoint = 'localhost:50211';
    client = Client.forNetwork(
      { [endpoint]: local.nodeAccountId ?? '0.0.3' },
      { scheduleNetworkUpdate: false },
    );
    mirrorUrl ??= `http://${host}:${local.mirrorRestPort ?? 5551}`;
  } else if (config.network in PUBLIC_MIRRORS) {
    client = Client.forName(config.network, { scheduleNetworkUpdate: false });
    mirrorUrl ??= PUBLIC_MIRRORS[config.network];
  } else {
    throw new LedgerError('INVALID_CONFIG', `HEDERA_NETWORK must be local, testnet, previewnet or mainnet`);
  }
  const operatorId = parseOperatorId(config.operatorId ?? (config.network === 'local' ? '0.0.2' : undefined));
  const operatorKey = parseOperatorKey(
    config.operatorKey ?? (config.network === 'local' ? LOCAL_GENESIS_KEY : undefined),
  );
  client
    .setOperator(operatorId, operatorKey)
    .setMaxAttempts(1)
    .setMaxBackoff(250)
    .setMinBackoff(10)
    // No SDK-side node quarantine: after one dropped call the SDK would fail every concurrent call
    // locally for a while, a burst of "failures" that says nothing about the node and trips our breaker.
    .setNodeMinBackoff(0)
    .setNodeMaxBackoff(0)
    .setNodeMinReadmitPeriod(0)
    .setNodeMaxReadmitPeriod(0)
    // The gRPC deadline bounds one call; the request timeout (SDK: must be larger) bounds the SDK's
    // own bookkeeping around it. Both are short because the executor, not the SDK, retries.
    .setGrpcDeadline(requestTimeoutMs)
    .setRequestTimeout(requestTimeoutMs + 1_000)
    .setDefaultRegenerateTransactionId(false)
    .setMaxNodesPerTransaction(1);
  return {
    client,
    operatorId,
    operatorKey,
    mirror: new MirrorClient(mirrorUrl, { timeoutMs: requestTimeoutMs }),
    requestTimeoutMs,
    close: () => client.close(),
  };
}

function parseOperatorId(value: string | undefined): AccountId {
  if (!value) throw new LedgerError('INVALID_CONFIG', 'HEDERA_OPERATOR_ID is required for a public network');
  try {
    return AccountId.fromString(value);
  } catch (cause) {
    throw new LedgerError('INVALID_CONFIG', `HEDERA_OPERATOR_ID is not an account id (0.0.x)`, { cause });
  }
}

function parseOperatorKey(value: string | undefined): PrivateKey {
  if (!value) throw new LedgerError('INVALID_CONFIG', 'HEDERA_OPERATOR_KEY is required for a public network');
  try {
    // A raw 32-byte hex key does not say its algorithm; only accept forms that do.
    if (/^0x[0-9a-fA-F]{64}$/.test(value)) return PrivateKey.fromStringECDSA(value.slice(2));
    if (/^30[0-9a-fA-F]+$/.test(value)) return PrivateKey.fromStringDer(value);
  } catch (cause) {
    throw new LedgerError('INVALID_CONFIG', 'HEDERA_OPERATOR_KEY is not a valid private key', { cause });
  }
  throw new LedgerError(
    'INVALID_CONFIG',
    'HEDERA_OPERATOR_KEY must be DER hex (302e…/3030…) or 0x-prefixed ECDSA hex',
  );
}
