import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary =
  'logs [--correlation-id ID] [--org ORG] [--device DID] [--level warn] [--since 1h] [--until ISO] [--limit N] [--json]: query the log store';

const usage = `usage: mrv logs [--correlation-id <id>] [--org <orgId>] [--device <did or id>] [--level trace|debug|info|warn|error|fatal]
                [--since <15m|1h|2d>] [--until <ISO time>] [--limit <n>] [--json] [--url <log store>]
The log store is LOG_STORE_URL, or the embedded VictoriaLogs of \`mrv up\` (http://127.0.0.1:LOG_STORE_PORT).`;

const levels = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
const levelNames = Object.fromEntries(Object.entries(levels).map(([name, n]) => [n, name]));

/** A LogsQL string literal: quotes and backslashes escaped, so a value cannot change the query. */
const quoted = (value: string) => JSON.stringify(value);

/** Builds the LogsQL query for the given filters (every filter must match). */
export function logsQuery(filters: {
  correlationId?: string;
  org?: string;
  device?: string;
  level?: keyof typeof levels;
  since: string;
}): string {
  const parts = [`_time:${filters.since}`];
  if (filters.correlationId) parts.push(`correlationId:=${quoted(filters.correlationId)}`);
  if (filters.org) parts.push(`orgId:=${quoted(filters.org)}`);
  if (filters.device) parts.push(`(deviceId:=${quoted(filters.device)} OR did:=${quoted(filters.device)})`);
  if (filters.level) parts.push(`level:>=${levels[filters.level]}`);
  return `${parts.join(' ')} | sort by (_time)`;
}

function humanLine(entry: Record<string, string>): string {
  const { _time, _msg, _stream, _stream_id, level, name, time, msg, pid, hostname, ...rest } = entry;
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const levelName = (level && levelNames[Number(level)]) ?? level ?? '';
  return `${_time ?? time ?? ''} ${levelName.padEnd(5)} ${name ?? ''} ${_msg ?? msg ?? ''}${fields ? `  ${fields}` : ''}`;
}

/** `mrv logs`: the lines of the API, the worker and `mrv up` from VictoriaLogs, oldest first. */
export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        'correlation-id': { type: 'string' },
        org: { type: 'string' },
        device: { type: 'string' },
        level: { type: 'string' },
        since: { type: 'string', default: '1h' },
        until: { type: 'string' },
        limit: { type: 'string', default: '200' },
        json: { type: 'boolean', default: false },
        url: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  const since = String(values.since);
  if (!/^\d+(s|m|h|d|w)$/.test(since))
    throw new CliUsageError(`--since must look like 15m, 1h or 2d\n${usage}`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
    throw new CliUsageError('--limit must be 1…100000');
  const level = values.level as string | undefined;
  if (level !== undefined && !(level in levels)) {
    throw new CliUsageError(`--level must be one of ${Object.keys(levels).join(', ')}`);
  }
  const until = values.until as string | undefined;
  if (until !== undefined && Number.isNaN(Date.parse(until)))
    throw new CliUsageError('--until must be an ISO time');

  const config = loadConfig();
  const base =
    (values.url as string | undefined) ?? config.logStore.url ?? `http://127.0.0.1:${config.logStore.port}`;
  const query = logsQuery({
    correlationId: values['correlation-id'] as string | undefined,
    org: values.org as string | undefined,
    device: values.device as string | undefined,
    level: level as keyof typeof levels | undefined,
    since,
  });
  const url = new URL('/select/logsql/query', base);
  url.searchParams.set('query', query);
  url.searchParams.set('limit', String(limit));
  if (until) url.searchParams.set('end', new Date(until).toISOString());
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    process.stderr.write(`mrv logs: cannot reach the log store at ${base}: ${(error as Error).message}\n`);
    return 1;
  }
  const body = await res.text();
  if (!res.ok) {
    process.stderr.write(`mrv logs: the log store answered ${res.status}: ${body.slice(0, 500)}\n`);
    return 1;
  }
  const lines = body.split('\n').filter(Boolean);
  for (const line of lines) {
    process.stdout.write(`${values.json ? line : humanLine(JSON.parse(line) as Record<string, string>)}\n`);
  }
  if (lines.length === 0) process.stderr.write(`mrv logs: no lines match ${query}\n`);
  return 0;
}
