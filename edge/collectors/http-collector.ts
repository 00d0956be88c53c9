import type { Point } from '../template/edge-template.ts';
import { type Collector, ConnectionLost, type Sample } from './collector.ts';
import { numberAt } from './json-path.ts';

export interface HttpConnection {
  protocol: 'http';
  base_url: string;
  /** Sent as is (e.g. `Bearer …` for a historian's token). */
  authorization?: string;
}

const MAX_BODY = 1024 * 1024;
/** One poll reads many points from the same URL: the answer is reused this long. */
const CACHE_MS = 1000;

/**
 * HTTP/JSON pull from a SCADA or historian REST endpoint: each point names a URL (relative to the
 * device's base URL) and a dot path in its JSON answer. A non-2xx answer or a missing number is a
 * gap; a refused connection is a lost connection.
 */
export function httpCollector(connection: HttpConnection, options: { timeoutMs: number }): Collector {
  const cache = new Map<string, { at: number; json: Promise<unknown> }>();
  async function fetchJson(url: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(connection.authorization ? { authorization: connection.authorization } : {}),
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new ConnectionLost(`http: ${(error as Error).message}`);
    }
    if (!response.ok) return new HttpGap(`http ${response.status} from ${url}`);
    const text = await response.text();
    if (text.length > MAX_BODY) return new HttpGap(`http answer from ${url} is over ${MAX_BODY} bytes`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return new HttpGap(`http answer from ${url} is not JSON`);
    }
  }
  return {
    protocol: 'http',
    async connect() {
      cache.clear();
    },
    async collect(point: Point): Promise<Sample> {
      const url = new URL(point.url ?? '', connection.base_url).toString();
      let hit = cache.get(url);
      if (!hit || Date.now() - hit.at > CACHE_MS) {
        hit = { at: Date.now(), json: fetchJson(url) };
        cache.set(url, hit);
        hit.json.catch(() => cache.delete(url));
      }
      const json = await hit.json;
      if (json instanceof HttpGap) return { gap: json.message };
      const raw = numberAt(json, point.path);
      if (raw === undefined) return { gap: `no number at ${point.path} in ${url}` };
      return { value: raw * point.scale + point.offset };
    },
    async close() {
      cache.clear();
    },
  };
}

class HttpGap {
  constructor(readonly message: string) {}
}
