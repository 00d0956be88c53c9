import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { metricsRegistry } from './metrics.ts';

/**
 * A tiny HTTP server for processes without an HTTP API (the worker): `GET /metrics` answers the
 * registry, everything else 404. Returns once listening; `close()` stops it.
 */
export async function startMetricsServer(options: {
  port: number;
  host?: string;
  registry?: Registry;
}): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const registry = options.registry ?? metricsRegistry;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
