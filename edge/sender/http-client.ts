import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** PEM texts (not paths): the client key comes out of the sealed vault, never from a plain file. */
export interface TlsPem {
  /** Client certificate for mutual TLS. */
  cert?: string;
  /** Its private key. */
  key?: string;
  /** The server certificate (or its CA) the API must present; absent: the system's trust store. */
  ca?: string;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const MAX_ANSWER = 4 * 1024 * 1024;

/**
 * A small JSON client over node:http(s) with keep-alive and client-certificate TLS (cert/key/CA
 * and key as PEM): the agent talks to one API, and mutual TLS must not depend on a global fetch
 * dispatcher. Network failures reject; every HTTP status resolves.
 */
export function createHttpClient(options: { baseUrl: string; tls?: TlsPem; timeoutMs?: number }) {
  const base = new URL(options.baseUrl);
  const secure = base.protocol === 'https:';
  const tls = secure
    ? {
        ...(options.tls?.cert ? { cert: options.tls.cert } : {}),
        ...(options.tls?.key ? { key: options.tls.key } : {}),
        ...(options.tls?.ca ? { ca: options.tls.ca } : {}),
      }
    : {};
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 2, ...tls })
    : new HttpAgent({ keepAlive: true, maxSockets: 2 });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    request(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<HttpAnswer> {
      const url = new URL(path, base);
      // A string is JSON text already (the buffer keeps documents serialized): no parse/stringify round trip.
      const payload =
        body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const send = secure ? httpsRequest : httpRequest;
      return new Promise((resolve, reject) => {
        const req = send(
          url,
          {
            method,
            agent,
            headers: {
              accept: 'application/json, application/problem+json',
              ...(payload
                ? { 'content-type': 'application/json', 'content-length': String(payload.length) }
                : {}),
              ...headers,
            },
            timeout: timeoutMs,
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size <= MAX_ANSWER) chunks.push(chunk);
            });
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} in ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(payload);
      });
    },
    close(): void {
      agent.destroy();
    },
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
