import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

import type { ApiEnv } from '../env.ts';

/**
 * The API answers JSON, so by default a response may load nothing, be framed by nobody and be
 * sniffed as nothing else. Pages that need more (Swagger UI at /docs, the console) set their own
 * Content-Security-Policy, which this middleware leaves in place (`overwrite: false`).
 * HSTS only where the connection is TLS — the request itself (the mutual-TLS listener) or the
 * public URL the API is reached at (a TLS-terminating proxy) — since browsers ignore it over HTTP
 * and it must not pin a plain-HTTP development origin.
 */
export function securityHeaders(options: { publicUrl: string }): MiddlewareHandler<ApiEnv> {
  const behindTls = options.publicUrl.startsWith('https://');
  const common: SecureHeadersOptions = {
    overwrite: false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
  };
  const plain = secureHeaders({ ...common, strictTransportSecurity: false });
  const tls = secureHeaders({ ...common, strictTransportSecurity: 'max-age=31536000; includeSubDomains' });
  return async function securityHeadersMiddleware(c, next) {
    const secure = behindTls || new URL(c.req.url).protocol === 'https:';
    return await (secure ? tls : plain)(c, next);
  };
}
