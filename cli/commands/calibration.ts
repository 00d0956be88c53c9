import { parseArgs } from 'node:util';
import { parseTelemetry } from '../../engine/telemetry/parse-telemetry.ts';
import type { ReadingType, TelemetryDocument } from '../../engine/telemetry/telemetry-document.ts';
import { type Observation, observe } from '../../engine/verification/observation.ts';
import { type MeterSample, referenceMeterCheck } from '../../engine/verification/reference-meter-check.ts';
import { CliUsageError } from '../cli-error.ts';
import { readTextFile } from './policy.ts';

export const summary = 'calibration check: compare a meter with a reference meter over a window';

const usage =
  'usage: mrv calibration check --type <reading type> --accuracy-class <percent> --meter <under-test.jsonl> --reference <reference.jsonl> [--device <did>] [--reference-device <did>]';

const METER_TYPES = new Set([
  'flow_rate',
  'head',
  'pressure',
  'energy',
  'energy_export',
  'energy_register',
  'power_output',
]);

function observationOf(document: TelemetryDocument): Observation | undefined {
  const result = observe(document);
  return 'observation' in result ? result.observation : undefined;
}

/** One meter's samples of `type` (canonical unit, by interval end) from a telemetry JSONL file. */
async function samplesOf(
  file: string,
  type: ReadingType,
  device: string | undefined,
): Promise<{ samples?: MeterSample[]; skipped: number; problem?: string }> {
  const read = await readTextFile(file);
  if (read.text === undefined) return { skipped: 0, problem: `${file}: ${read.problem!.message}` };
  const samples: MeterSample[] = [];
  const devices = new Set<string>();
  let skipped = 0;
  for (const line of read.text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseTelemetry(line);
    const observation = parsed.document ? observationOf(parsed.document) : undefined;
    if (!parsed.document || !observation) {
      skipped += 1;
      continue;
    }
    if (device !== undefined && parsed.document.device_id !== device) continue;
    const value = observation.values[type];
    if (value === undefined) continue;
    devices.add(parsed.document.device_id);
    samples.push({ endMs: observation.endMs, value });
  }
  // Two devices' intervals would be matched against each other by end time: make the caller choose.
  if (devices.size > 1) {
    return { skipped, problem: `${file} holds ${devices.size} devices' readings; name one with --device` };
  }
  return { samples, skipped };
}

async function check(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      type: { type: 'string' },
      'accuracy-class': { type: 'string' },
      meter: { type: 'string' },
      reference: { type: 'string' },
      device: { type: 'string' },
      'reference-device': { type: 'string' },
    },
    allowPositionals: false,
  });
  if (!values.type || !values['accuracy-class'] || !values.meter || !values.reference) {
    throw new CliUsageError(usage);
  }
  if (!METER_TYPES.has(values.type)) {
    throw new CliUsageError(`--type must be one of ${[...METER_TYPES].join(', ')}, got '${values.type}'`);
  }
  const accuracyClass = Number(values['accuracy-class']);
  if (!(accuracyClass > 0) || !Number.isFinite(accuracyClass)) {
    throw new CliUsageError(
      `--accuracy-class must be a positive percentage, got '${values['accuracy-class']}'`,
    );
  }
  const type = values.type as ReadingType;
  const underTest = await samplesOf(values.meter, type, values.device);
  const reference = await samplesOf(values.reference, type, values['reference-device']);
  for (const [file, r] of [
    [values.meter, underTest],
    [values.reference, reference],
  ] as const) {
    if (r.problem) {
      process.stderr.write(`mrv calibration check: ${r.problem}\n`);
      return 1;
    }
    if (r.skipped > 0)
      process.stderr.write(`${file}: ${r.skipped} line(s) that are not valid telemetry skipped\n`);
  }
  const result = referenceMeterCheck({
    underTest: underTest.samples!,
    reference: reference.samples!,
    accuracyClass,
  });
  if (!result.check) {
    process.stderr.write(`mrv calibration check: ${result.problem}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ type, ...result.check })}\n`);
  return 0;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'check') return check(rest);
  throw new CliUsageError(sub ? `unknown sub-command '${sub}'\n${usage}` : usage);
}
