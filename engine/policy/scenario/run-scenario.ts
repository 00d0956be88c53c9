import type { AnyMachineSnapshot } from 'xstate';
import { computeMethodology, type MethodologyResult } from '../../methodology/compute-methodology.ts';
import { parsePlant } from '../../plant/parse-plant.ts';
import { convert } from '../../units/index.ts';
import { createVerifier } from '../../verification/create-verifier.ts';
import { checkEvent } from '../check-event.ts';
import { type CompiledWorkflow, compilePolicy } from '../compile-policy.ts';
import type { PolicyEvent } from '../guard-function.ts';
import { type CheckedPolicy, fieldTypeOf } from '../policy-document.ts';
import { PolicyError } from '../policy-error.ts';
import { type PolicyEffect, startWorkflow, stepWorkflow } from '../step-workflow.ts';
import { verificationConfigOf } from '../verification-config-of.ts';
import type { Scenario, ScenarioEvent, ScenarioOutcome } from './scenario.ts';
import { scenarioDevice } from './scenario-device.ts';
import { type ScenarioInput, scenarioInputs } from './scenario-readings.ts';

/** One running instance of a workflow (a device, a reading, a period) and what it has recorded. */
interface Instance {
  workflow: CompiledWorkflow;
  snapshot: AnyMachineSnapshot;
  status?: string;
  timers: Map<string, { id: string; type: string }>;
}

/**
 * Runs a fixture scenario offline through the same engine the service uses: the policy's compiled
 * machines (stepped purely), the verification engine for readings, and the methodology for the period.
 * Hosts' answers to actions follow the action catalog's contract: `verify` → `verified`,
 * `computeMethodology` → `computed`, `mint` → `minted`.
 *
 * @example
 * const outcome = runScenario(policy, scenario);
 * compareOutcome(scenario.expect, outcome) // [] when the scenario passes
 */
export function runScenario(policy: CheckedPolicy, scenario: Scenario): ScenarioOutcome {
  const keys = Object.fromEntries(
    Object.entries(scenario.devices).map(([name, d]) => [name, scenarioDevice(d.seed)]),
  );
  const parsedPlant = parsePlant({
    ...scenario.plant,
    devices: Object.entries(scenario.devices)
      .filter(([, d]) => d.registered !== false)
      .map(([name, d]) => ({ device_id: keys[name]!.did, scope: d.scope ?? 'plant' })),
  });
  if (!parsedPlant.plant)
    throw new PolicyError('INVALID_SCENARIO', `invalid plant: ${parsedPlant.problems.join('; ')}`);
  const plant = parsedPlant.plant;
  const overrides = scenario.overrides ?? {};
  const compiled = compilePolicy(policy, { overrides });
  const config = verificationConfigOf(policy, overrides);
  const out: ScenarioOutcome = {
    statuses: {},
    status_counts: {},
    credentials: {},
    minted: 0,
    eg_mwh: 0,
    refused: 0,
    notifications: {},
    anchors: {},
    log: [],
  };
  let methodology: MethodologyResult | undefined;
  let period: { egMwh: number; tegMwh: number } = { egMwh: 0, tegMwh: 0 };

  /** Carries out effects; actions answered by the host become events queued back into the instance. */
  const apply = (
    instance: Instance,
    effects: PolicyEffect[],
    verdicts?: { status: string; trust_score: number },
  ) => {
    const queue: PolicyEvent[] = [];
    for (const effect of effects) {
      if (effect.kind === 'start-timer')
        instance.timers.set(effect.duration, { id: effect.id, type: effect.event.type });
      else if (effect.kind === 'cancel-timer') {
        for (const [d, t] of instance.timers) if (t.id === effect.id) instance.timers.delete(d);
      } else if (effect.type === 'setStatus') instance.status = String(effect.params.status);
      else if (effect.type === 'issueCredential') {
        const schema = String(effect.params.schema);
        out.credentials[schema] = (out.credentials[schema] ?? 0) + 1;
      } else if (effect.type === 'anchor') {
        const document = String(effect.params.document);
        out.anchors[document] = (out.anchors[document] ?? 0) + 1;
      } else if (effect.type === 'notify') {
        const role = String(effect.params.role);
        out.notifications[role] = (out.notifications[role] ?? 0) + 1;
      } else if (effect.type === 'verify' && verdicts) {
        queue.push({ type: 'verified', status: verdicts.status, trust_score: verdicts.trust_score });
      } else if (effect.type === 'computeMethodology') {
        methodology = computeMethodology({
          policy,
          plant,
          egMwh: period.egMwh,
          tegMwh: period.tegMwh,
          overrides,
        });
        out.eligible = methodology.eligible;
        const erUnit =
          fieldTypeOf(instance.workflow.events.computed?.payload?.er ?? 'number').unit ?? 'tCO2e';
        queue.push({
          type: 'computed',
          eligible: methodology.eligible,
          er: convert(methodology.er_tco2e, 'tCO2e', erUnit),
          amount: methodology.token.amount,
        });
      } else if (effect.type === 'mint') {
        const amount = methodology?.token.amount ?? 0;
        out.minted += amount;
        queue.push({ type: 'minted', amount });
      }
    }
    for (const event of queue) {
      const step = stepWorkflow(instance.workflow, instance.snapshot, event);
      instance.snapshot = step.snapshot;
      apply(instance, step.effects);
    }
  };
  const start = (workflow: CompiledWorkflow, verdict?: { status: string; trust_score: number }): Instance => {
    const first = startWorkflow(workflow);
    const instance: Instance = { workflow, snapshot: first.snapshot, timers: new Map() };
    apply(instance, first.effects, verdict);
    return instance;
  };
  const send = (instance: Instance, e: ScenarioEvent, label: string) => {
    let event: PolicyEvent;
    if (e.timer !== undefined) {
      const timer = instance.timers.get(e.timer);
      if (!timer) {
        out.refused += 1;
        out.log.push(`${label}: no pending ${e.timer} timer`);
        return;
      }
      event = { type: timer.type };
    } else {
      event = { ...(e.payload ?? {}), type: e.event! };
      const problems = checkEvent(instance.workflow, event, e.role!);
      if (problems.length > 0) {
        out.refused += 1;
        out.log.push(`${label}: refused: ${problems.join('; ')}`);
        return;
      }
    }
    const step = stepWorkflow(instance.workflow, instance.snapshot, event);
    if (!step.handled) {
      out.refused += 1;
      out.log.push(
        `${label}: '${event.type}' not accepted in state ${JSON.stringify(instance.snapshot.value)}`,
      );
      return;
    }
    instance.snapshot = step.snapshot;
    apply(instance, step.effects);
  };

  if (scenario.device_events) {
    const device = start(compiled.workflows.device_lifecycle);
    scenario.device_events.forEach((e, i) => {
      send(device, e, `device event ${i + 1}`);
    });
    out.device_status = device.status;
  }

  const inputs = scenarioInputs(scenario.readings ?? [], keys);
  const nowMs = scenario.now ? Date.parse(scenario.now) : latestTimestamp(inputs) + 3_600_000;
  const verifier = createVerifier({ config, plant });
  const single = Object.keys(scenario.devices).length === 1;
  const readings = new Map<string, { instance: Instance; document: unknown }>();
  inputs.forEach((input, i) => {
    const result = verifier.verify(input.kind === 'raw' ? input.text : input.document, nowMs);
    const key =
      input.kind === 'raw' ? `line${i + 1}` : single ? String(input.seq) : `${input.device}:${input.seq}`;
    if (result.verdict.status !== 'APPROVED') {
      const why = result.verdict.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.rule}: ${f.message}`);
      out.log.push(
        `reading ${key}: ${result.verdict.status} ${result.verdict.trust_score} (${why.join('; ')})`,
      );
    }
    const instance = start(compiled.workflows.reading_review, result.verdict);
    instance.status ??= result.verdict.status;
    // A replayed (device, seq) is its own input line; it must not overwrite the original's outcome.
    const unique = readings.has(key) ? `${key}#${i + 1}` : key;
    readings.set(unique, { instance, document: input.kind === 'raw' ? undefined : input.document });
  });
  (scenario.decisions ?? []).forEach((d, i) => {
    const key = d.device && !single ? `${d.device}:${d.seq}` : String(d.seq);
    const reading = readings.get(key);
    if (!reading) {
      out.refused += 1;
      out.log.push(`decision ${i + 1}: no reading ${key}`);
      return;
    }
    send(reading.instance, d, `decision ${i + 1} (reading ${key})`);
  });
  for (const [key, r] of readings) {
    const status = r.instance.status ?? 'PENDING';
    out.statuses[key] = status;
    out.status_counts[status] = (out.status_counts[status] ?? 0) + 1;
    if (status === 'APPROVED') {
      const totals = energyOf(r.document);
      period = { egMwh: period.egMwh + totals.exportMwh, tegMwh: period.tegMwh + totals.grossMwh };
    }
  }
  out.eg_mwh = Number(period.egMwh.toPrecision(12));
  period = { egMwh: out.eg_mwh, tegMwh: Number(period.tegMwh.toPrecision(12)) };

  if (scenario.period) {
    const instance = start(compiled.workflows.period_issuance);
    send(
      instance,
      { event: 'close', role: scenario.period.close_role ?? 'project_developer' },
      'period close',
    );
    (scenario.period.decisions ?? []).forEach((e, i) => {
      send(instance, e, `period decision ${i + 1}`);
    });
    out.period_status = instance.status;
  }
  return out;
}

function latestTimestamp(inputs: ScenarioInput[]): number {
  let latest = 0;
  for (const input of inputs) {
    if (input.kind !== 'document') continue;
    const t = Date.parse((input.document as { timestamp: string }).timestamp);
    if (Number.isFinite(t)) latest = Math.max(latest, t);
  }
  return latest;
}

function energyOf(document: unknown): { exportMwh: number; grossMwh: number } {
  const readings =
    (document as { readings?: { type: string; value: number; unit: string }[] })?.readings ?? [];
  const sum = (type: string) =>
    readings.filter((r) => r.type === type).reduce((s, r) => s + convert(r.value, r.unit, 'MWh'), 0);
  const exportMwh = sum('energy_export');
  const gross = sum('energy');
  return { exportMwh, grossMwh: gross > 0 ? gross : exportMwh };
}
