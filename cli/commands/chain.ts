import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Fetch } from '../../identity/mirror-topic-messages.ts';
import { verifyTrustChain } from '../../identity/verify-trust-chain.ts';
import { CliUsageError } from '../cli-error.ts';

export const summary = "chain verify: check a mint's trust-chain bundle against a mirror node";

const usage = 'usage: mrv chain verify <bundle.json> --mirror <url> [--now <RFC3339>] [--json]';
/** Bundles carry readings and proofs, but a file this large is a mistake or an attack. */
const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
const MIRROR_TIMEOUT_MS = 15_000;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new CliUsageError(usage);
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      mirror: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || !values.mirror) throw new CliUsageError(usage);
  const mirrorUrl = parseMirror(values.mirror);
  const now = values.now ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(now)))
    throw new CliUsageError(`--now must be an RFC 3339 date-time, got '${now}'`);

  const bundle = await readBundle(positionals[0]!);
  const fetchWithTimeout: Fetch = (url) => fetch(url, { signal: AbortSignal.timeout(MIRROR_TIMEOUT_MS) });
  const result =
    bundle === undefined
      ? { valid: false, checks: [{ link: 'bundle', ok: false, detail: 'file is not JSON' }] }
      : await verifyTrustChain({ bundle, mirrorUrl, fetch: fetchWithTimeout, now });

  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const check of result.checks) {
      process.stdout.write(`${check.ok ? 'PASS' : 'FAIL'}  ${check.link}  ${check.detail}\n`);
    }
    const broken = result.checks.filter((c) => !c.ok).map((c) => c.link);
    process.stdout.write(
      result.valid
        ? `verdict: VALID (${result.checks.length} checks passed)\n`
        : `verdict: INVALID (broken: ${broken.join(', ')})\n`,
    );
  }
  return result.valid ? 0 : 1;
}

function parseMirror(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliUsageError(`--mirror must be a URL, got '${text}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliUsageError('--mirror must be http(s)');
  return url.toString();
}

async function readBundle(path: string): Promise<unknown> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new CliUsageError(`cannot read ${path}`);
  }
  if (size > MAX_BUNDLE_BYTES)
    throw new CliUsageError(`${path} is ${size} bytes (limit ${MAX_BUNDLE_BYTES})`);
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}
