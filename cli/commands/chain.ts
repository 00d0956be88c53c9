import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAcrossIssuances, type OtherIssuance } from '../../identity/check-issuances.ts';
import { IdentityError } from '../../identity/identity-error.ts';
import { type LocatedMint, locateMint, reportOfMint } from '../../identity/locate-mint.ts';
import type { Fetch } from '../../identity/mirror-topic-messages.ts';
import { unusable } from '../../identity/trust-chain-check.ts';
import { type TrustChainVerdict, verifyTrustChain } from '../../identity/verify-trust-chain.ts';
import { CliUsageError } from '../cli-error.ts';
import { formatChainTree } from '../format-chain-tree.ts';

export const summary =
  "chain verify: check a token's trust chain against a mirror node, trusting nothing of the issuer's";

const usage = [
  'usage: mrv chain verify <bundle.json> --mirror <url> [--authority <did>]… [--now <RFC3339>] [--json]',
  '       mrv chain verify --token <tokenId> [--serial <n> | --mint-tx <id>] --mirror <url>',
  '                        --documents <url|dir> [--authority <did>]… [--now <RFC3339>] [--json]',
  'exit 0 VALID, 1 INVALID, 2 unusable input (bad arguments, unreadable bundle, mirror node down or garbage)',
].join('\n');
/** Bundles carry readings and proofs, but a file this large is a mistake or an attack. */
const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const HASH = /^[0-9a-f]{64}$/;

/** Input that cannot be verified at all: a message, exit 2, never VALID. */
class UnusableInput extends Error {}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new CliUsageError(usage);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  const byToken = values.token !== undefined;
  if (
    !values.mirror ||
    (byToken ? positionals.length !== 0 || !values.documents : positionals.length !== 1)
  ) {
    throw new CliUsageError(usage);
  }
  if (values.serial !== undefined && values['mint-tx'] !== undefined)
    throw new CliUsageError('give --serial or --mint-tx, not both');
  const serial = values.serial === undefined ? undefined : Number(values.serial);
  if (serial !== undefined && !(Number.isSafeInteger(serial) && serial >= 1))
    throw new CliUsageError('--serial must be a positive integer');
  const mirrorUrl = parseUrl(values.mirror, '--mirror');
  const now = values.now ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(now)))
    throw new CliUsageError(`--now must be an RFC 3339 date-time, got '${now}'`);
  const authorities = values.authority ?? [];
  if (authorities.some((a) => !/^did:[a-z0-9]+:[A-Za-z0-9._:%-]{1,400}$/.test(a)))
    throw new CliUsageError('--authority must be a DID');
  const fetchWithTimeout: Fetch = (url) => fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });

  let result: TrustChainVerdict;
  let located: LocatedMint | undefined;
  try {
    let bundle: unknown;
    if (byToken) {
      located = await locateMint({
        tokenId: values.token!,
        mirrorUrl,
        fetch: fetchWithTimeout,
        ...(values['mint-tx'] ? { mintTx: values['mint-tx'] } : {}),
        ...(serial ? { serial } : {}),
      });
      bundle = await fetchDocument(values.documents!, located.root);
    } else {
      bundle = await readBundle(positionals[0]!);
    }
    result = await verifyTrustChain({ bundle, mirrorUrl, fetch: fetchWithTimeout, now, authorities });
    if (located) {
      result = { ...result, ...bindToMint(result, bundle, located) };
      // From the token, its other issuances are known too: none may count a reading this one counts.
      const others = await verifyOtherIssuances(
        located,
        async (root) => await fetchDocument(values.documents!, root),
        {
          mirrorUrl,
          fetch: fetchWithTimeout,
          now,
          authorities,
        },
      );
      const across = checkAcrossIssuances(result.countedReadings ?? [], others);
      result = {
        ...result,
        valid: result.valid && across.every((c) => c.ok),
        checks: [...result.checks, ...across],
      };
    }
  } catch (error) {
    if (!(error instanceof UnusableInput || error instanceof IdentityError)) throw error;
    result = { valid: false, checks: [unusable('input', error.message)] };
  }

  const { countedReadings: _counted, ...printed } = result;
  if (values.json) process.stdout.write(`${JSON.stringify(printed)}\n`);
  else {
    const mint = located && { tokenId: values.token!, transactionId: located.transactionId };
    process.stdout.write(formatChainTree(result, mint));
  }
  const cannot = result.checks.filter((c) => c.unusable);
  if (cannot.length > 0) {
    process.stderr.write(
      `mrv chain verify: cannot verify: ${cannot.map((c) => `${c.link}: ${c.detail}`).join('; ')}\n`,
    );
    return 2;
  }
  return result.valid ? 0 : 1;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      mirror: { type: 'string' },
      token: { type: 'string' },
      serial: { type: 'string' },
      'mint-tx': { type: 'string' },
      documents: { type: 'string' },
      authority: { type: 'string', multiple: true },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
}

/** More mints than a token of monthly issuances has in 20 years: the rest are not read. */
const MAX_OTHER_ISSUANCES = 240;

/**
 * Verifies each other mint of the token from its own anchored bundle (as the one asked for), and
 * keeps what it counted. An issuance that cannot be fetched or verified is reported as such.
 */
async function verifyOtherIssuances(
  located: LocatedMint,
  documentByHash: (root: string) => Promise<unknown>,
  options: { mirrorUrl: string; fetch: Fetch; now: string; authorities: string[] },
): Promise<OtherIssuance[]> {
  if (located.otherMints.length > MAX_OTHER_ISSUANCES) {
    throw new UnusableInput(
      `the token has ${located.otherMints.length + 1} mints; at most ${MAX_OTHER_ISSUANCES + 1} are checked against each other`,
    );
  }
  const out: OtherIssuance[] = [];
  for (const mint of located.otherMints) {
    try {
      const other = await reportOfMint(options, mint);
      const bundle = await documentByHash(other.root);
      const verified = await verifyTrustChain({ bundle, ...options });
      const verdict = { ...verified, ...bindToMint(verified, bundle, mint) };
      if (!verdict.valid) {
        const broken = verdict.checks.filter((c) => !c.ok).map((c) => c.link);
        throw new Error(`its chain is INVALID: ${broken.slice(0, 3).join(', ')}`);
      }
      out.push({ transactionId: mint.transactionId, countedReadings: verdict.countedReadings ?? [] });
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      out.push({ transactionId: mint.transactionId, unverifiable: error.message });
    }
  }
  return out;
}

/** The bundle found from the token must be about that very mint. */
function bindToMint(
  result: TrustChainVerdict,
  bundle: unknown,
  located: { transactionId: string },
): Pick<TrustChainVerdict, 'valid' | 'checks'> {
  const mint = (bundle as { mint?: { transactionId?: unknown } }).mint;
  const same = mint?.transactionId === located.transactionId;
  const check = same
    ? { link: 'mint:located', ok: true, detail: `the bundle is about mint ${located.transactionId}` }
    : {
        link: 'mint:located',
        ok: false,
        detail: `the bundle is about ${String(mint?.transactionId)}, not ${located.transactionId}`,
      };
  return { valid: result.valid && same, checks: [check, ...result.checks] };
}

function parseUrl(text: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliUsageError(`${flag} must be a URL, got '${text}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliUsageError(`${flag} must be http(s)`);
  return url.toString();
}

/** A document by its anchored hash, from a directory (`<hash>.json`) or a URL (`<url>/<hash>`). */
async function fetchDocument(source: string, hash: string): Promise<unknown> {
  if (!HASH.test(hash)) throw new UnusableInput(`'${hash}' is not a document hash`);
  if (/^https?:\/\//.test(source)) {
    const url = `${source.replace(/\/+$/, '')}/${hash}`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new UnusableInput(`cannot fetch ${url}: ${(error as Error).message}`);
    }
    if (!response.ok)
      throw new UnusableInput(`${url} answered ${response.status}: no document with that hash`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BUNDLE_BYTES)
      throw new UnusableInput(`${url} is ${length} bytes (limit ${MAX_BUNDLE_BYTES})`);
    const text = await response.text();
    if (text.length > MAX_BUNDLE_BYTES)
      throw new UnusableInput(`${url} is larger than ${MAX_BUNDLE_BYTES} bytes`);
    return parseJson(text, url);
  }
  return readBundle(join(source, `${hash}.json`));
}

async function readBundle(path: string): Promise<unknown> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UnusableInput(`cannot read ${path}`);
  }
  if (size > MAX_BUNDLE_BYTES)
    throw new UnusableInput(`${path} is ${size} bytes (limit ${MAX_BUNDLE_BYTES})`);
  return parseJson(await readFile(path, 'utf8'), path);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnusableInput(`${where} is not JSON (truncated or corrupt?)`);
  }
}
