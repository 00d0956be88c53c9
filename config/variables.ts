/**
 * Every environment variable the system reads, in one table. The README's configuration section,
 * the docker-compose cross-check test and `loadConfig` all derive from this table.
 */
export type VariableKind = 'string' | 'port' | 'url' | 'enum' | 'integer' | 'secret';

export interface VariableSpec {
  name: string;
  kind: VariableKind;
  description: string;
  /** Used when unset. `undefined` means optional with no value; see `requiredFor`. */
  default?: string;
  values?: readonly string[];
  /** Processes that cannot start without it (after defaults). */
  requiredFor?: readonly ('api' | 'worker')[];
  /** When set, the embedded server of that component is not started by `mrv up`. */
  external?: 'mongodb' | 'temporal' | 'hedera';
}

export const variables = [
  {
    name: 'MRV_DATA_DIR',
    kind: 'string',
    default: '.data',
    description: 'Where the embedded stack keeps its state (SQLite files, ledger state, keys).',
  },
  {
    name: 'LOG_LEVEL',
    kind: 'enum',
    default: 'info',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    description: 'pino log level.',
  },
  {
    name: 'API_HOST',
    kind: 'string',
    default: '127.0.0.1',
    description: 'Interface the HTTP API listens on (0.0.0.0 in containers).',
  },
  { name: 'API_PORT', kind: 'port', default: '8080', description: 'Port of the HTTP API.' },
  {
    name: 'PUBLIC_URL',
    kind: 'url',
    description: 'Externally visible base URL of the API (defaults to http://API_HOST:API_PORT).',
  },
  {
    name: 'API_BODY_LIMIT_BYTES',
    kind: 'integer',
    default: '5242880',
    description: 'Largest request body the API accepts; larger bodies get 413 problem+json.',
  },
  {
    name: 'API_RATE_LIMIT_PER_HOUR',
    kind: 'integer',
    default: '1000',
    description: 'Requests per API key per hour; above it the API answers 429 with Retry-After.',
  },
  {
    name: 'LOG_STORE_URL',
    kind: 'url',
    description:
      'VictoriaLogs base URL the API and worker also ship their logs to (batched; `mrv logs` queries it). Unset: stdout only; `mrv up` starts an embedded VictoriaLogs when it is installed.',
  },
  {
    name: 'LOG_STORE_PORT',
    kind: 'port',
    default: '9428',
    description: 'Port of the embedded VictoriaLogs that `mrv up` starts when LOG_STORE_URL is unset.',
  },
  {
    name: 'API_SIGNUP_LIMIT_PER_HOUR',
    kind: 'integer',
    default: '20',
    description:
      'Organization sign-ups (POST /v1/organizations) per client address per hour; above it 429 with Retry-After.',
  },
  {
    name: 'API_PUBLIC_READS_PER_MINUTE',
    kind: 'integer',
    default: '30',
    description:
      'Public trust-chain document reads (GET /v1/public/documents/{hash}) per client address per minute, per API instance; above it 429 with Retry-After.',
  },
  {
    name: 'MTLS_PORT',
    kind: 'port',
    description:
      "Port of the gateways' mutual-TLS listener (docs/api/mtls.md). Unset: no listener; `mrv up` then uses 8443.",
  },
  {
    name: 'MTLS_SERVER_CERT_FILE',
    kind: 'string',
    description:
      'PEM server certificate (chain) of the mTLS listener. Unset under `mrv up`: a self-signed one in MRV_DATA_DIR/mtls/, created on first start.',
  },
  {
    name: 'MTLS_SERVER_KEY_FILE',
    kind: 'string',
    description: 'PEM private key of MTLS_SERVER_CERT_FILE (mode 0600).',
  },
  {
    name: 'MTLS_PUBLIC_URL',
    kind: 'url',
    description:
      'Externally visible URL of the mTLS listener, put in pairing payloads (defaults to https://API_HOST:MTLS_PORT).',
  },
  {
    name: 'MTLS_TRUSTED_PROXIES',
    kind: 'string',
    description:
      'Comma-separated IP addresses of TLS-terminating proxies whose `X-Client-Cert-SHA256` header the plain API believes; from any other address the header is ignored.',
  },
  {
    name: 'MRV_JWT_KEY_FILE',
    kind: 'string',
    description:
      'PKCS#8 PEM Ed25519 key that signs OAuth access tokens (share it between API instances). Unset: MRV_DATA_DIR/jwt-signing-key.pem, created on first start (mode 0600).',
  },
  {
    name: 'MONGODB_URI',
    kind: 'url',
    external: 'mongodb',
    requiredFor: ['api', 'worker'],
    description: 'MongoDB connection string. Unset: `mrv up` starts the embedded FerretDB (SQLite) server.',
  },
  { name: 'MONGODB_DB', kind: 'string', default: 'mrv', description: 'Database name.' },
  {
    name: 'MONGODB_PORT',
    kind: 'port',
    default: '27017',
    description: 'Port of the embedded MongoDB-wire server (ignored with MONGODB_URI).',
  },
  {
    name: 'TEMPORAL_ADDRESS',
    kind: 'string',
    external: 'temporal',
    requiredFor: ['api', 'worker'],
    description:
      'Temporal frontend host:port. Unset: `mrv up` starts the embedded Temporal dev server (SQLite).',
  },
  { name: 'TEMPORAL_NAMESPACE', kind: 'string', default: 'default', description: 'Temporal namespace.' },
  {
    name: 'TEMPORAL_PORT',
    kind: 'port',
    default: '7233',
    description: 'Port of the embedded Temporal server (ignored with TEMPORAL_ADDRESS).',
  },
  {
    name: 'TEMPORAL_UI_PORT',
    kind: 'port',
    default: '8233',
    description: 'Port of the embedded Temporal web UI.',
  },
  {
    name: 'HEDERA_NETWORK',
    kind: 'enum',
    default: 'local',
    values: ['local', 'testnet', 'previewnet', 'mainnet'],
    external: 'hedera',
    description:
      '`local` uses the embedded protocol-level Hedera network; otherwise the named public network.',
  },
  {
    name: 'HEDERA_OPERATOR_ID',
    kind: 'string',
    description: 'Payer account (0.0.x). Required unless HEDERA_NETWORK=local.',
  },
  {
    name: 'HEDERA_OPERATOR_KEY',
    kind: 'secret',
    description: 'Payer private key (DER hex). Required unless HEDERA_NETWORK=local.',
  },
  {
    name: 'HEDERA_MIRROR_URL',
    kind: 'url',
    description: 'Mirror-node REST base URL (defaults per network).',
  },
  {
    name: 'HEDERA_LOCAL_HOST',
    kind: 'string',
    default: '127.0.0.1',
    description:
      'Host of the embedded Hedera network: where `mrv hedera-local` listens (0.0.0.0 in a container) and where clients reach it.',
  },
  {
    name: 'HEDERA_LOCAL_GRPC_PORT',
    kind: 'port',
    default: '50211',
    description: 'Consensus node port of the embedded Hedera network.',
  },
  {
    name: 'HEDERA_LOCAL_MIRROR_GRPC_PORT',
    kind: 'port',
    default: '5600',
    description: 'Mirror gRPC port of the embedded Hedera network.',
  },
  {
    name: 'HEDERA_LOCAL_MIRROR_REST_PORT',
    kind: 'port',
    default: '5551',
    description: 'Mirror REST port of the embedded Hedera network.',
  },
  {
    name: 'MRV_MASTER_KEY',
    kind: 'secret',
    description:
      'Base64 32-byte master key that wraps private keys at rest. Unset under `mrv up`: generated once into MRV_DATA_DIR/master.key (mode 0600).',
  },
  {
    name: 'METRICS_PORT',
    kind: 'port',
    default: '9464',
    description: "Port of the worker's /metrics endpoint.",
  },
  {
    name: 'MRV_WORKER_CONCERNS',
    kind: 'string',
    default: 'workflows,ledger,verification',
    values: ['workflows', 'ledger', 'verification'],
    description:
      'Comma-separated task-queue concerns a `mrv worker` process serves: `workflows` (workflow tasks and database activities on mrv-main), `ledger` (Hedera calls on mrv-main/ledger), `verification` (telemetry checks on mrv-main/verification). Run e.g. `ledger`-only workers to scale one concern.',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    kind: 'url',
    description:
      'OTLP/HTTP base URL of an OpenTelemetry collector (e.g. http://otel-collector:4318). Set: API and worker export traces of API → workflow → activities. Unset (default): tracing is off.',
  },
] as const satisfies readonly VariableSpec[];

export type VariableName = (typeof variables)[number]['name'];
