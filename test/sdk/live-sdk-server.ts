import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { ApiEnv } from '../../api/env.ts';

export const root = join(import.meta.dirname, '../..');
export const venvPython = join(root, '.tools/sdk-venv/bin/python');

/** Serves an app on a free loopback port; answers its base URL and a close function. */
export async function listen(app: Hono<ApiEnv>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A hostile network in front of the API, for the SDKs' retry tests: the first time it sees a
 * request (method, URL, Idempotency-Key) it either answers 429 with `Retry-After: 1` (GET), or —
 * for a POST — forwards it to the API and then resets the connection before the answer reaches
 * the client, so the request took effect but the client cannot know. Repeats pass through.
 */
export async function startFlakyProxy(
  target: string,
): Promise<{ url: string; close: () => Promise<void>; seen: () => number }> {
  const seen = new Set<string>();
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = `${req.method} ${req.url} ${req.headers['idempotency-key'] ?? ''}`;
      const first = !seen.has(id) && !req.url?.startsWith('/oauth/');
      seen.add(id);
      if (first && req.method === 'GET') {
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/problem+json' });
        res.end(
          JSON.stringify({ type: 'urn:mrv:problem:rate-limited', title: 'Too many requests', status: 429 }),
        );
        return;
      }
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            if (first && req.method === 'POST') {
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      forward.on('error', () => req.socket.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen: () => seen.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs a command to completion, asynchronously (the API it talks to runs in this process). */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
      timeout: options.timeoutMs ?? 300_000,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    // A command that cannot start (missing, or a venv whose interpreter moved) answers at once.
    child.on('error', (error) => resolve({ code: -1, out, err: `${err}${command}: ${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}
