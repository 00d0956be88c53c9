import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { buildOpenApi } from '../openapi/build-openapi.ts';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hydro MRV API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"><link rel="icon" href="/docs/assets/favicon-32x32.png"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/init.js"></script></body></html>`;

// A separate file, not inline, so the page works under a strict Content-Security-Policy.
const init = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });`;

/**
 * Swagger UI's own scripts and styles from this origin only; it sets style attributes at run time
 * (hence 'unsafe-inline' for styles, never for scripts) and loads the document with fetch.
 */
const docsPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * `/openapi.json`, `/schemas/<file>` (the wire-format schemas the document links to) and Swagger UI
 * at `/docs` with its assets served from the `swagger-ui-dist` package — no CDN.
 */
export function registerDocs(app: Hono<ApiEnv>, ctx: ApiContext): void {
  let spec: string | undefined;
  app.get('/openapi.json', (c) => {
    spec ??= JSON.stringify(buildOpenApi(ctx));
    return c.body(spec, 200, { 'content-type': 'application/json' });
  });
  app.get('/schemas/:file', (c) => {
    const schema = ctx.validator.files.get(c.req.param('file'));
    if (!schema) throw new ApiError('NOT_FOUND', 'no such schema');
    return c.json(schema);
  });
  app.get('/docs', (c) => c.html(page, 200, { 'content-security-policy': docsPolicy }));
  app.get('/docs/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  const cache = new Map<string, Buffer>();
  app.get('/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = assets[file];
    if (!type) throw new ApiError('NOT_FOUND', 'no such asset');
    let body = cache.get(file);
    if (!body) {
      body = readFileSync(join(swaggerDir, file));
      cache.set(file, body);
    }
    return c.body(new Uint8Array(body), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
}
