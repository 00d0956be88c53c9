import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

/** Where `npm run web:build` writes the console (web/vite.config.ts); never committed. */
export const consoleDist = resolve(import.meta.dirname, '../../web/dist');

/**
 * Every console page and asset: scripts, styles, fonts and data only from our own origin, no inline
 * script or style, no framing, no plugins. Images may also be `blob:`/`data:` (the pairing QR code,
 * the Mermaid diagrams rendered to SVG images in the page).
 */
export const consoleCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.json': 'application/json',
};

function secured(c: Context, body: Uint8Array | string, type: string, cache: string): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': type,
    'content-security-policy': consoleCsp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': cache,
  });
}

/**
 * `/console`: the web console's built files (a single page; routes live in the URL fragment). It is
 * a client of the public API like any other and holds no server-side logic of its own.
 */
export function registerConsole(app: Hono<ApiEnv>, _ctx: ApiContext, dist = consoleDist): void {
  const assets = new Map<string, Buffer>();
  const index = (c: Context) => {
    const file = join(dist, 'index.html');
    if (!existsSync(file)) {
      throw new ApiError('NOT_FOUND', 'the console is not built: run `npm run web:build`');
    }
    return secured(c, readFileSync(file, 'utf8'), 'text/html; charset=utf-8', 'no-store');
  };
  app.get('/console', (c) => c.redirect('/console/', 302));
  app.get('/console/', index);
  app.get('/console/index.html', index);
  app.get('/console/assets/:file', (c) => {
    const name = c.req.param('file');
    const type = types[extname(name)];
    if (!/^[\w.-]{1,200}$/.test(name) || name.startsWith('.') || !type) {
      throw new ApiError('NOT_FOUND', 'no such console asset');
    }
    let body = assets.get(name);
    if (!body) {
      const file = join(dist, 'assets', name);
      if (!existsSync(file)) throw new ApiError('NOT_FOUND', 'no such console asset');
      body = readFileSync(file);
      assets.set(name, body);
    }
    // Asset names carry their content hash (Vite): safe to cache for good.
    return secured(c, body, type, 'public, max-age=31536000, immutable');
  });
}
