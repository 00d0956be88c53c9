import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Plant } from '../../engine/plant/index.ts';
import { parsePlant } from '../../engine/plant/index.ts';
import { formatProblem, PolicyError, verificationConfigOf } from '../../engine/policy/index.ts';
import { MAX_TELEMETRY_BYTES } from '../../engine/telemetry/index.ts';
import type { VerificationConfig } from '../../engine/verification/index.ts';
import { createVerifier } from '../../engine/verification/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { loadPolicyFile } from './policy.ts';

export const summary = "verify: check a JSONL stream of telemetry against a policy's verification rules";

const usage =
  'usage: mrv verify --policy <policy.yaml> --plant <plant.json> [--now <RFC3339>] [--flagged reject|approve|hold] <readings.jsonl>';
const MAX_PLANT_BYTES = 4 * 1024 * 1024;
/** Verdict lines are written in blocks: one write per line would dominate the run time. */
const FLUSH_LINES = 512;

/**
 * `mrv verify` (shared/specs/cli.md): one verdict line per input line, in order, with per-device
 * history kept across the file exactly as the service keeps it. Exit 0 when the file was processed.
 */
export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  const { policyFile, plantFile, readingsFile, nowMs, flagged } = parsed;
  const config = await loadConfig(policyFile);
  const plant = await loadPlant(plantFile);
  const info = await stat(readingsFile).catch(() => undefined);
  if (!info?.isFile()) throw new CliUsageError(`${readingsFile}: no such file`);

  // No reviewer here: by default a FLAGGED reading teaches nothing and does not stop learning.
  const verifier = createVerifier({ config, plant, flagged });
  const lines = createInterface({
    input: createReadStream(readingsFile),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let buffer: string[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    const result = verifier.verify(line, nowMs);
    const ids =
      result.device_id === undefined ? bestEffortIds(line) : { device_id: result.device_id, seq: result.seq };
    buffer.push(
      JSON.stringify({ line: lineNumber, device_id: ids.device_id, seq: ids.seq, ...result.verdict }),
    );
    if (buffer.length >= FLUSH_LINES) {
      await write(`${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  if (buffer.length > 0) await write(`${buffer.join('\n')}\n`);
  return 0;
}

function parseOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      policy: { type: 'string' },
      plant: { type: 'string' },
      now: { type: 'string' },
      flagged: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (!values.policy || !values.plant || positionals.length !== 1) throw new CliUsageError(usage);
  let nowMs = Date.now();
  if (values.now !== undefined) {
    // RFC 3339 with an explicit offset: a bare local time would make results depend on the machine.
    const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
    nowMs = Date.parse(values.now);
    if (!rfc3339.test(values.now) || !Number.isFinite(nowMs)) {
      throw new CliUsageError(
        `--now must be an RFC 3339 time such as 2026-02-20T18:00:00Z, got '${values.now}'`,
      );
    }
  }
  const flagged = values.flagged ?? 'reject';
  if (flagged !== 'reject' && flagged !== 'approve' && flagged !== 'hold') {
    throw new CliUsageError(`--flagged must be reject, approve or hold, got '${flagged}'`);
  }
  const settle: 'reject' | 'approve' | 'hold' = flagged;
  return {
    policyFile: values.policy,
    plantFile: values.plant,
    readingsFile: positionals[0]!,
    nowMs,
    flagged: settle,
  };
}

async function loadConfig(file: string): Promise<VerificationConfig> {
  const { policy, problems } = await loadPolicyFile(file);
  if (!policy) throw new CliUsageError(`invalid policy\n${problems.map(formatProblem).join('\n')}`);
  try {
    return verificationConfigOf(policy);
  } catch (error) {
    if (error instanceof PolicyError) throw new CliUsageError(`${file}: ${error.message}`);
    throw error;
  }
}

async function loadPlant(file: string): Promise<Plant> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new CliUsageError(`${file}: no such file`);
  if (info.size > MAX_PLANT_BYTES)
    throw new CliUsageError(`${file}: ${info.size} bytes is too large for a plant file`);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const { plant, problems } = parsePlant(value);
  if (!plant) throw new CliUsageError(`invalid plant\n${problems.map((p) => `${file}: ${p}`).join('\n')}`);
  return plant;
}

/** device_id and seq of a line that failed the schema, when it is a JSON object that has them. */
function bestEffortIds(line: string): { device_id: string | null; seq: number | null } {
  if (line.length > MAX_TELEMETRY_BYTES) return { device_id: null, seq: null };
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    return {
      device_id: typeof value?.device_id === 'string' ? value.device_id.slice(0, 512) : null,
      seq: typeof value?.seq === 'number' && Number.isFinite(value.seq) ? value.seq : null,
    };
  } catch {
    return { device_id: null, seq: null };
  }
}

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
