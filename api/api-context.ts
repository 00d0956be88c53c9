import type { Db } from 'mongodb';
import type { Logger } from '../observability/logger.ts';
import type { PkiDeps } from '../pki/issuing-ca.ts';
import type { AuditLogStore } from '../store/audit-log-store.ts';
import type { WorkflowGateway } from '../workflows/client.ts';
import type { Authenticator } from './auth/authenticator.ts';
import type { JwtKeys } from './auth/jwt-keys.ts';
import type { PkiCache } from './pki/pki-cache.ts';
import type { RouteSpec } from './route.ts';
import type { SchemaValidator } from './schema-validator.ts';

export interface ApiLimits {
  /** Largest request body accepted (413 above). */
  bodyBytes: number;
  /** Requests per API key per hour (429 above). */
  ratePerHour: number;
  /**
   * How long an instance trusts an API key it looked up without asking MongoDB again: the bound on
   * how long a key revoked through another instance keeps working there (through this one: at once).
   */
  keyCacheMs: number;
  /** Organization sign-ups per client address per hour (429 above). */
  signupsPerHour: number;
  /** Public document reads per client address per minute, per instance (429 above). */
  publicReadsPerMinute: number;
  /** How long a POST's response is kept under its Idempotency-Key. */
  idempotencyTtlMs: number;
}

/** What every route registration receives: dependencies built once per app. */
export interface ApiContext {
  db: Db;
  workflows: WorkflowGateway;
  logger: Logger;
  auth: Authenticator;
  jwt: JwtKeys;
  validator: SchemaValidator;
  audit: AuditLogStore;
  clock: () => Date;
  limits: ApiLimits;
  publicUrl: string;
  /** Gateway certificates: the in-memory cache, the CA (absent without a KeyStore) and the mTLS URL. */
  pki: { cache: PkiCache; ca?: PkiDeps; mtlsUrl: string | null };
  /** Mirror-node REST base URL the trust-chain verification route reads (absent: that route answers 503). */
  mirrorUrl?: string;
  /** Every mounted route's definition, in mount order: the OpenAPI document is built from it. */
  routes: RouteSpec[];
}
