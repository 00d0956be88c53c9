import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDocument, type DeviceRunState } from '../../edge/agent/build-document.ts';
import { counterStep } from '../../edge/agent/energy-counter.ts';
import { IntervalWindow } from '../../edge/agent/interval-window.ts';
import { resolvePoints } from '../../edge/template/edge-template.ts';
import { loadTemplate } from '../../edge/template/template-library.ts';
import type { Plant } from '../../engine/plant/index.ts';
import { didKeyFromEd25519Key, documentHash, type TelemetryDocument } from '../../engine/telemetry/index.ts';
import {
  type DeviceState,
  defaultVerificationConfig,
  type Verdict,
  verifyReading,
} from '../../engine/verification/index.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const did = didKeyFromEd25519Key(
  Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url'),
);
const plant: Plant = {
  plant_id: 'edge-test',
  name: 'Edge test HPP',
  capacity_kw: 2800,
  units: [{ unit_id: 'U1', turbine: 'francis', capacity_kw: 2800, rated_head_m: 45, rated_flow_m3s: 7.5 }],
  meter: { accuracy_class: 0.2 },
  devices: [{ device_id: did, scope: 'U1' }],
};
const points = new Map(resolvePoints(loadTemplate('mrv-synthetic-plant')).map((p) => [p.sensor_id, p]));
const MIN = 60_000;
const T0 = Date.parse('2026-05-01T00:00:00Z');

/** One interval's polls: a steady 2000 kW unit at 6 m3/s × 44 m (one flow read fails). */
function window(polls = 6) {
  const w = new IntervalWindow();
  for (let i = 0; i < polls; i++) {
    w.add(points.get('pwr_01')!, { value: 2000 }, 0);
    w.add(points.get('flow_01')!, i === 0 ? { gap: 'modbus: Timed out' } : { value: 6 }, 0);
    w.add(points.get('head_01')!, { value: 44 }, 0);
  }
  return w;
}

function run(registers: (number | undefined)[], start: DeviceRunState = { seq: -1, counters: {} }) {
  let state = start;
  const docs: TelemetryDocument[] = [];
  const skipped: string[] = [];
  registers.forEach((register, i) => {
    const endMs = T0 + (i + 1) * MIN;
    const w = window();
    if (register !== undefined) w.add(points.get('exp_01')!, { value: register }, endMs - 1000);
    const result = buildDocument({
      state,
      window: w,
      endMs,
      nominalIntervalS: 60,
      plant,
      scope: 'U1',
      did,
      key: privateKey,
    });
    state = result.state;
    if (result.document) docs.push(result.document);
    else skipped.push(result.skipped);
  });
  return { docs, skipped, state };
}

function verify(docs: TelemetryDocument[]): Verdict[] {
  let state: DeviceState | undefined;
  const config = defaultVerificationConfig();
  return docs.map((d) => {
    const { verdict, nextState } = verifyReading(state, JSON.stringify(d), {
      config,
      plant,
      nowMs: T0 + 86_400_000,
    });
    state = nextState;
    return verdict;
  });
}

const energy = (d: TelemetryDocument) => d.readings.find((r) => r.type === 'energy_export');
const register = (d: TelemetryDocument) => d.readings.find((r) => r.type === 'energy_register')?.value;
const rules = (v: Verdict) =>
  v.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}:${f.severity}`);

describe('cumulative registers → interval energy', () => {
  it('energy is the register delta; seq is gapless and every document chains to the previous one', () => {
    const { docs } = run([1000, 1033.3, 1066.6, 1100]);
    expect(docs.map((d) => d.seq)).toEqual([0, 1, 2]);
    expect(docs.map((d) => energy(d)!.value)).toEqual([33.3, 33.3, 33.4]);
    expect(docs[1]!.prev_hash).toBe(documentHash(docs[0]!));
    expect(docs[2]!.prev_hash).toBe(documentHash(docs[1]!));
    // flow had one failed read of six: mean of the good ones, quality 5/6, never a zero averaged in.
    const flow = docs[0]!.readings.find((r) => r.type === 'flow_rate')!;
    expect(flow.value).toBe(6);
    expect(flow.quality).toBeCloseTo(0.833, 3);
    expect(verify(docs).map((v) => v.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
  });

  it('a rollover is unwrapped: the right energy, a continuous register, APPROVED on the server', () => {
    const modulus = 2 ** 32 * 0.1;
    const { docs } = run([modulus - 40, modulus - 6.7, 26.6, 59.9]);
    expect(docs.map((d) => energy(d)!.value)).toEqual([33.3, 33.3, 33.3]);
    expect(register(docs[1]!)).toBeGreaterThan(register(docs[0]!)!);
    expect(docs[1]!.metadata?.edge_events).toEqual([expect.stringMatching(/rolled over/)]);
    const verdicts = verify(docs);
    expect(verdicts.map((v) => v.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
  });

  it('a reset or a swapped meter (register jumps down) claims no energy and the server rejects it', () => {
    const { docs } = run([50_000, 50_033.3, 120, 153.3]);
    const swapped = docs[1]!;
    expect(energy(swapped)).toMatchObject({ value: 0, quality: 0 });
    expect(swapped.metadata?.edge_events).toEqual([expect.stringMatching(/went down .*reset or meter swap/)]);
    const verdicts = verify(docs);
    expect(verdicts[1]!.status).toBe('REJECTED');
    expect(rules(verdicts[1]!)).toContain('physics.register_delta:error');
  });

  it('a register that cannot be read makes no document; the next spans the gap, which the server notices', () => {
    const { docs, skipped } = run([1000, 1033.3, 1066.6, 1100, 1133.3, undefined, 1200]);
    expect(skipped[1]).toMatch(/no energy register/);
    expect(docs.map((d) => d.interval_s)).toEqual([60, 60, 60, 60, 120]);
    expect(energy(docs[4]!)!.value).toBe(66.7);
    const verdicts = verify(docs);
    expect(rules(verdicts[4]!)).toContain('time.cadence:warning');
    expect(verdicts[4]!.status).toBe('FLAGGED');
  });

  it('the counter logic: first read, advance, wrap within plausibility, and a drop', () => {
    expect(counterStep(undefined, 5, { maxDelta: 10, atMs: 0 })).toMatchObject({ event: 'first' });
    expect(counterStep({ raw: 5, unwrapped: 5, at_ms: 0 }, 7, { maxDelta: 10, atMs: 1 })).toMatchObject({
      delta: 2,
      event: 'advance',
    });
    expect(
      counterStep({ raw: 98, unwrapped: 198, at_ms: 0 }, 3, { modulus: 100, maxDelta: 10, atMs: 1 }),
    ).toMatchObject({
      delta: 5,
      event: 'rollover',
      state: { unwrapped: 203 },
    });
    // A wrap that would need more energy than the plant can make is a reset, not a rollover.
    expect(
      counterStep({ raw: 50, unwrapped: 50, at_ms: 0 }, 3, { modulus: 100, maxDelta: 10, atMs: 1 }),
    ).toMatchObject({ event: 'went_down' });
  });
});

describe('prev_hash chain on the server (engine/verification time.chain)', () => {
  it('a document lost between the meter and the server is a chain finding on the next one', () => {
    const { docs } = run([1000, 1033.3, 1066.6, 1100, 1133.3]);
    const delivered = [docs[0]!, docs[1]!, docs[3]!];
    const verdicts = verify(delivered);
    expect(rules(verdicts[2]!)).toEqual(['time.chain:warning']);
    expect(verdicts[2]!.status).not.toBe('REJECTED');
    expect(verdicts[2]!.findings.find((f) => f.rule === 'time.chain')!.message).toMatch(
      /1 document\(s\) before seq 3/,
    );
    expect(verify(docs).every((v) => !rules(v).includes('time.chain:warning'))).toBe(true);
  });

  it('a forged chain link is a finding, a malformed prev_hash a schema error, and neither crashes', () => {
    const { docs } = run([1000, 1033.3, 1066.6]);
    const forged = { ...docs[1]!, prev_hash: 'a'.repeat(64) };
    const verdicts = verify([docs[0]!, forged]);
    expect(rules(verdicts[1]!)).toContain('signature:error');
    const bad = verify([{ ...docs[0]!, prev_hash: 'not-hex' } as TelemetryDocument]);
    expect(rules(bad[0]!)).toEqual(['schema:error']);
  });
});

describe('edge validation against the plant bounds', () => {
  it('marks (never drops) implausible values', () => {
    const w = new IntervalWindow();
    w.add(points.get('pwr_01')!, { value: 9000 }, 0);
    w.add(points.get('flow_01')!, { value: 30 }, 0);
    w.add(points.get('head_01')!, { value: 44 }, 0);
    w.add(points.get('exp_01')!, { value: 1100 }, 0);
    const result = buildDocument({
      state: { seq: 4, counters: { exp_01: { raw: 1000, unwrapped: 1000, at_ms: -30_000 } }, last_end_ms: 0 },
      window: w,
      endMs: MIN,
      nominalIntervalS: 60,
      plant,
      scope: 'U1',
      did,
      key: privateKey,
    });
    const doc = result.document!;
    expect(doc.readings.map((r) => r.type).sort()).toEqual([
      'energy_export',
      'energy_register',
      'flow_rate',
      'head',
      'power_output',
    ]);
    const marked = doc.readings
      .filter((r) => r.quality === 0)
      .map((r) => r.type)
      .sort();
    expect(marked).toEqual(['energy_export', 'flow_rate', 'power_output']);
    expect(doc.metadata?.edge_marks).toHaveLength(3);
  });
});
