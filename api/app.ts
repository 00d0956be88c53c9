import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Db } from 'mongodb';
import type { KeyStore } from '../identity/key-store.ts';
import { correlation } from '../observability/correlation.ts';
import { httpMetrics } from '../observability/http-metrics.ts';
import { httpTracing } from '../observability/http-tracing.ts';
import type { Logger } from '../observability/logger.ts';
import { metricsHandler } from '../observability/metrics-handler.ts';
import { PkiError } from '../pki/pki-error.ts';
import { auditLogStore } from '../store/audit-log-store.ts';
import { isStoreUnavailable } from '../store/store-unavailable.ts';
import type { WorkflowGateway } from '../workflows/client.ts';
import { allowedMethods } from './allowed-methods.ts';
import type { ApiContext, ApiLimits } from './api-context.ts';
import { createCertificateRefusalAuditor } from './auth/audit-certificate-refusal.ts';
import { createAuthenticator } from './auth/authenticator.ts';
import { generateJwtKeys, type JwtKeys } from './auth/jwt-keys.ts';
import type { ApiEnv } from './env.ts';
import { ApiError } from './errors.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { apiErrorOfPki } from './pki/pki-api-error.ts';
import { createPkiCache, type PkiCache } from './pki/pki-cache.ts';
import { presentedCertificate } from './pki/presented-certificate.ts';
import { apiErrorResponse, problemFor } from './problem.ts';
import { registerApiRoutes } from './register-api-routes.ts';
import { type DependencyCheck, registerHealthRoutes } from './routes/health.ts';
import { registerSelfTestRoutes } from './routes/v1-selftest.ts';
import { createSchemaValidator, loadSchemaFiles } from './schema-validator.ts';

export interface ApiDeps {
  db: Db;
  workflows: WorkflowGateway;
  checks: DependencyCheck[];
  logger: Logger;
  /** Token signing keys; generated per process when absent (tokens then die with the process). */
  jwtKeys?: JwtKeys;
  clock?: () => Date;
  limits?: Partial<ApiLimits>;
  /** Issuer of access tokens and base of links (default http://127.0.0.1:8080). */
  publicUrl?: string;
  /** Custody of the organizations' CA keys; without it the PKI routes answer 503. */
  keyStore?: KeyStore;
  /** The PKI cache (shared with the mTLS listener); one is made when absent. */
  pki?: PkiCache;
  /** Base URL of the mTLS listener, for pairing payloads (null: no listener). */
  mtlsUrl?: string | null;
  /** Addresses whose forwarded client-certificate fingerprint header is believed (docs/api/mtls.md). */
  trustedProxies?: readonly string[];
  /** Sees the route context once every route is mounted (the OpenAPI document is built from it). */
  onContext?: (ctx: ApiContext) => void;
  /** Mirror-node REST base URL (trust-chain verification for the console's auditor view). */
  mirrorUrl?: string;
}

/** How long a client should wait before retrying while the data store is unreachable. */
const storeRetryAfterSeconds = 5;

export const defaultLimits: ApiLimits = {
  bodyBytes: 5 * 1024 * 1024,
  ratePerHour: 1000,
  signupsPerHour: 20,
  publicReadsPerMinute: 30,
  keyCacheMs: 5000,
  idempotencyTtlMs: 24 * 3_600_000,
};

/** Builds the Hono application. No I/O happens here: every dependency is passed in. */
export function createApp(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const clock = deps.clock ?? (() => new Date());
  const jwt = deps.jwtKeys ?? generateJwtKeys();
  const publicUrl = (deps.publicUrl ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
  const limits = { ...defaultLimits, ...deps.limits };
  const pki = deps.pki ?? createPkiCache({ db: deps.db, logger: deps.logger, clock });
  const trustedProxies = new Set(deps.trustedProxies ?? []);
  const ctx: ApiContext = {
    db: deps.db,
    workflows: deps.workflows,
    logger: deps.logger,
    jwt,
    auth: createAuthenticator({
      db: deps.db,
      jwt,
      issuer: publicUrl,
      clock,
      pki,
      keyCacheMs: limits.keyCacheMs,
      auditRefusal: createCertificateRefusalAuditor(auditLogStore(deps.db), deps.logger),
    }),
    validator: createSchemaValidator(loadSchemaFiles()),
    audit: auditLogStore(deps.db),
    clock,
    limits,
    publicUrl,
    pki: {
      cache: pki,
      ...(deps.keyStore ? { ca: { db: deps.db, keyStore: deps.keyStore, clock } } : {}),
      mtlsUrl: deps.mtlsUrl ?? null,
    },
    ...(deps.mirrorUrl ? { mirrorUrl: deps.mirrorUrl } : {}),
    routes: [],
  };

  // Correlation first (its id follows the request into logs and workflows), then tracing and metrics.
  // The access line names the caller's organization, so `mrv logs --org` finds a tenant's requests.
  app.use(
    correlation({
      logger: deps.logger,
      describe: (c) => {
        const orgId = (c.get('principal') as ApiEnv['Variables']['principal'] | undefined)?.tenant.orgId;
        return orgId ? { orgId } : {};
      },
    }),
  );
  app.use(httpTracing());
  app.use(httpMetrics());
  app.use(securityHeaders({ publicUrl }));
  app.use('*', async (c, next) => {
    c.set('requestId', c.get('correlationId'));
    c.set('clientCertificate', presentedCertificate(c, trustedProxies));
    await next();
  });
  // Outside tenant auth on purpose: Prometheus scrapes it without credentials. The exposition names
  // organizations, so it must not be reachable from the public internet (block it at the ingress).
  app.get('/metrics', () => metricsHandler());
  app.use(
    '*',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: (c) =>
        apiErrorResponse(c, new ApiError('PAYLOAD_TOO_LARGE', `the body exceeds ${limits.bodyBytes} bytes`)),
    }),
  );

  registerHealthRoutes(app as unknown as Hono, { checks: deps.checks });
  // Self-tests run workflows on the operator's cluster: operators only.
  for (const path of ['/v1/selftest', '/v1/selftest/*']) {
    app.use(path, async (c, next) => {
      const principal = await ctx.auth.authenticate({
        authorization: c.req.header('authorization'),
        apiKey: c.req.header('x-api-key'),
        certificate: c.get('clientCertificate'),
      });
      if (!principal.scopes.includes('admin')) {
        throw new ApiError('FORBIDDEN_SCOPE', "this operation needs the 'admin' scope");
      }
      await next();
    });
  }
  registerSelfTestRoutes(app as unknown as Hono, deps);
  registerApiRoutes(app, ctx);

  app.notFound((c) => {
    const allow = allowedMethods(ctx.routes, c.req.path);
    if (allow.length === 0) return problemFor(c, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`);
    const response = problemFor(c, 'METHOD_NOT_ALLOWED', `${c.req.path} allows ${allow.join(', ')}`);
    response.headers.set('allow', allow.join(', '));
    return response;
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return apiErrorResponse(c, error);
    if (error instanceof PkiError) return apiErrorResponse(c, apiErrorOfPki(error));
    if (error instanceof HTTPException) {
      const status = error.status;
      if (status === 413) return problemFor(c, 'PAYLOAD_TOO_LARGE', error.message || 'payload too large');
      if (status < 500) return problemFor(c, 'MALFORMED_BODY', error.message || 'bad request');
    }
    if (isStoreUnavailable(error)) {
      // Not a bug and not final: the client keeps what it sent and retries (the store is idempotent).
      deps.logger.warn(
        { err: error, path: c.req.path, requestId: c.get('requestId') },
        'data store unavailable',
      );
      return apiErrorResponse(
        c,
        new ApiError(
          'STORE_UNAVAILABLE',
          'the data store cannot be reached; retry later (telemetry submissions are idempotent on device and seq)',
          {
            headers: { 'retry-after': String(storeRetryAfterSeconds) },
          },
        ),
      );
    }
    deps.logger.error({ err: error, path: c.req.path, requestId: c.get('requestId') }, 'unhandled error');
    return apiErrorResponse(c, new ApiError('INTERNAL', 'The error was logged.'));
  });
  deps.onContext?.(ctx);
  return app;
}
