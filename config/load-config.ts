import { isIP } from 'node:net';
import { ConfigError } from './config-error.ts';
import { type VariableName, type VariableSpec, variables } from './variables.ts';

export type HederaNetworkName = 'local' | 'testnet' | 'previewnet' | 'mainnet';

export interface Config {
  dataDir: string;
  logLevel: string;
  api: {
    host: string;
    port: number;
    publicUrl: string;
    bodyLimitBytes: number;
    rateLimitPerHour: number;
    signupLimitPerHour: number;
    publicReadsPerMinute: number;
    jwtKeyFile: string;
  };
  /** The gateways' mutual-TLS listener (off without a port). */
  mtls: { port?: number; certFile?: string; keyFile?: string; publicUrl?: string; trustedProxies: string[] };
  mongodb: { uri?: string; db: string; port: number };
  temporal: { address?: string; namespace: string; port: number; uiPort: number };
  hedera: {
    network: HederaNetworkName;
    operatorId?: string;
    operatorKey?: string;
    mirrorUrl?: string;
    local: { host: string; grpcPort: number; mirrorGrpcPort: number; mirrorRestPort: number };
  };
  masterKey?: string;
  metricsPort: number;
  /** VictoriaLogs to ship logs to (LOG_STORE_URL), and the embedded one's port. */
  logStore: { url?: string; port: number };
  /** Task-queue concerns a worker process serves (MRV_WORKER_CONCERNS). */
  workerConcerns: WorkerConcernName[];
}

export type WorkerConcernName = 'workflows' | 'ledger' | 'verification';

type Env = Record<string, string | undefined>;

const specByName = new Map<string, VariableSpec>(variables.map((v) => [v.name, v]));

/** The raw, validated string value of a variable (its default when unset or empty). */
function read(env: Env, name: VariableName): string | undefined {
  const spec = specByName.get(name)!;
  const raw = env[name]?.trim();
  const value = raw === undefined || raw === '' ? spec.default : raw;
  if (value === undefined) return undefined;
  switch (spec.kind) {
    case 'port': {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
        throw new ConfigError(name, `must be a port number 1-65535, got '${value}'`);
      }
      break;
    }
    case 'integer':
      if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `must be an integer, got '${value}'`);
      break;
    case 'url':
      if (!URL.canParse(value)) throw new ConfigError(name, `must be a URL, got '${value}'`);
      break;
    case 'enum':
      if (!spec.values?.includes(value)) {
        throw new ConfigError(name, `must be one of ${spec.values?.join(', ')}, got '${value}'`);
      }
      break;
    default:
  }
  return value;
}

const port = (env: Env, name: VariableName) => Number(read(env, name));

/** A comma-separated list drawn from the variable's `values`, without repeats, at least one. */
function list(env: Env, name: VariableName): string[] {
  const allowed = specByName.get(name)!.values ?? [];
  const items = read(env, name)!
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length > 0 || items.length === 0) {
    throw new ConfigError(
      name,
      `must list some of ${allowed.join(', ')} (comma-separated), got '${unknown.join(',')}'`,
    );
  }
  return [...new Set(items)];
}

function positive(env: Env, name: VariableName): number {
  const value = Number(read(env, name));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new ConfigError(name, `must be a positive integer, got '${value}'`);
  return value;
}

/**
 * Reads and validates the whole configuration once. Throws `ConfigError` naming the first bad
 * variable; secrets are never echoed back in messages.
 */
export function loadConfig(env: Env = process.env): Config {
  const host = read(env, 'API_HOST')!;
  const apiPort = port(env, 'API_PORT');
  const network = read(env, 'HEDERA_NETWORK') as HederaNetworkName;
  const operatorId = read(env, 'HEDERA_OPERATOR_ID');
  const operatorKey = read(env, 'HEDERA_OPERATOR_KEY');
  if (operatorId !== undefined && !/^\d+\.\d+\.\d+$/.test(operatorId)) {
    throw new ConfigError('HEDERA_OPERATOR_ID', `must look like 0.0.1234, got '${operatorId}'`);
  }
  if (network !== 'local' && (!operatorId || !operatorKey)) {
    const missing = operatorId ? 'HEDERA_OPERATOR_KEY' : 'HEDERA_OPERATOR_ID';
    throw new ConfigError(
      missing,
      `is required when HEDERA_NETWORK=${network} (the account that pays for transactions)`,
    );
  }
  if (operatorKey !== undefined && !/^(0x)?[0-9a-fA-F]{64,}$/.test(operatorKey)) {
    throw new ConfigError(
      'HEDERA_OPERATOR_KEY',
      'must be a hex-encoded private key (DER or raw); value not shown',
    );
  }
  const masterKey = read(env, 'MRV_MASTER_KEY');
  if (masterKey !== undefined && Buffer.from(masterKey, 'base64').length !== 32) {
    throw new ConfigError(
      'MRV_MASTER_KEY',
      'must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`); value not shown',
    );
  }
  return {
    dataDir: read(env, 'MRV_DATA_DIR')!,
    logLevel: read(env, 'LOG_LEVEL')!,
    api: {
      host,
      port: apiPort,
      publicUrl: read(env, 'PUBLIC_URL') ?? `http://${host}:${apiPort}`,
      bodyLimitBytes: positive(env, 'API_BODY_LIMIT_BYTES'),
      rateLimitPerHour: positive(env, 'API_RATE_LIMIT_PER_HOUR'),
      signupLimitPerHour: positive(env, 'API_SIGNUP_LIMIT_PER_HOUR'),
      publicReadsPerMinute: positive(env, 'API_PUBLIC_READS_PER_MINUTE'),
      jwtKeyFile: read(env, 'MRV_JWT_KEY_FILE') ?? `${read(env, 'MRV_DATA_DIR')!}/jwt-signing-key.pem`,
    },
    mtls: {
      ...(read(env, 'MTLS_PORT') ? { port: port(env, 'MTLS_PORT') } : {}),
      certFile: read(env, 'MTLS_SERVER_CERT_FILE'),
      keyFile: read(env, 'MTLS_SERVER_KEY_FILE'),
      publicUrl: read(env, 'MTLS_PUBLIC_URL'),
      trustedProxies: (read(env, 'MTLS_TRUSTED_PROXIES') ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '')
        .map((a) => {
          if (!isIP(a)) throw new ConfigError('MTLS_TRUSTED_PROXIES', `must list IP addresses, got '${a}'`);
          return a;
        }),
    },
    mongodb: { uri: read(env, 'MONGODB_URI'), db: read(env, 'MONGODB_DB')!, port: port(env, 'MONGODB_PORT') },
    temporal: {
      address: read(env, 'TEMPORAL_ADDRESS'),
      namespace: read(env, 'TEMPORAL_NAMESPACE')!,
      port: port(env, 'TEMPORAL_PORT'),
      uiPort: port(env, 'TEMPORAL_UI_PORT'),
    },
    hedera: {
      network,
      operatorId,
      operatorKey,
      mirrorUrl: read(env, 'HEDERA_MIRROR_URL'),
      local: {
        host: read(env, 'HEDERA_LOCAL_HOST')!,
        grpcPort: port(env, 'HEDERA_LOCAL_GRPC_PORT'),
        mirrorGrpcPort: port(env, 'HEDERA_LOCAL_MIRROR_GRPC_PORT'),
        mirrorRestPort: port(env, 'HEDERA_LOCAL_MIRROR_REST_PORT'),
      },
    },
    masterKey,
    metricsPort: port(env, 'METRICS_PORT'),
    logStore: { url: read(env, 'LOG_STORE_URL'), port: port(env, 'LOG_STORE_PORT') },
    workerConcerns: list(env, 'MRV_WORKER_CONCERNS') as WorkerConcernName[],
  };
}

/** The API and the worker need their servers' addresses (set by the operator or by `mrv up`). */
export function requireServices(
  config: Config,
  process: 'api' | 'worker',
): Required<Pick<Config['mongodb'], 'uri'>> & {
  temporalAddress: string;
} {
  if (!config.mongodb.uri) {
    throw new ConfigError(
      'MONGODB_URI',
      `is required to run the ${process} on its own (or use \`mrv up\`, which starts an embedded server)`,
    );
  }
  if (!config.temporal.address) {
    throw new ConfigError(
      'TEMPORAL_ADDRESS',
      `is required to run the ${process} on its own (or use \`mrv up\`, which starts an embedded server)`,
    );
  }
  return { uri: config.mongodb.uri, temporalAddress: config.temporal.address };
}
