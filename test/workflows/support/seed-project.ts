import { readFileSync } from 'node:fs';
import type { Db } from 'mongodb';
import { parsePlant } from '../../../engine/plant/index.ts';
import { parsePolicy } from '../../../engine/policy/parse-policy.ts';
import { policyHash } from '../../../engine/policy/policy-hash.ts';
import { verificationConfigOf } from '../../../engine/policy/verification-config-of.ts';
import { createVerifier } from '../../../engine/verification/create-verifier.ts';
import { generateSyntheticPlant } from '../../../engine/verification/synthetic/index.ts';
import type { VerdictStatus } from '../../../engine/verification/verdict.ts';
import { deviceStore } from '../../../store/device-store.ts';
import { newId } from '../../../store/ids.ts';
import { policyStore } from '../../../store/policy-store.ts';
import { projectStore } from '../../../store/project-store.ts';
import { type Reading, readingStore } from '../../../store/reading-store.ts';
import { issueTenantScope } from '../../../store/tenant-scope.ts';

export interface SeededProject {
  orgId: string;
  projectId: string;
  policyHash: string;
  /** The published version (not yet anchored: `gateway.publishPolicy` does that, as the API's publish does). */
  policyVersionId: string;
  devices: { deviceId: string; did: string }[];
  /** Readings per device, in seq order, as the API would have stored them (RECEIVED). */
  readings: Map<string, Omit<Reading, 'orgId'>[]>;
  kinds: Map<string, string>;
  /**
   * The pure engine's verdict per reading id for the stream as the service verifies it (per device in
   * seq order, the published policy, the registered devices, no review decided yet): what the service
   * must store. A test that needs FLAGGED readings checks here that its seed still has some.
   */
  engineVerdicts: Map<string, VerdictStatus>;
}

/**
 * A project as the API would leave it: the shipped AMS-I.D policy published, the synthetic plant's
 * two devices registered, and their signed telemetry stored durably (claim check) but not yet signalled.
 */
export async function seedProject(
  db: Db,
  options: {
    days: number;
    seed: number;
    faultRate?: number;
    /** Policy YAML to publish instead of the shipped AMS-I.D policy (e.g. a fixture with short timers). */
    policySource?: string;
    /** An organization that exists already (e.g. registered through the API); a fresh id otherwise. */
    orgId?: string;
  },
): Promise<SeededProject> {
  const orgId = options.orgId ?? newId('org');
  const scope = issueTenantScope(orgId);
  const source = options.policySource ?? readFileSync('policies/hydro-ams-i-d.yaml', 'utf8');
  const parsed = parsePolicy(source, 'hydro-ams-i-d.yaml');
  if (!parsed.policy) throw new Error(`shipped policy does not check: ${parsed.problems[0]?.message}`);
  const hash = policyHash(parsed.policy);
  const versionId = newId('pol');
  await policyStore(db).publish(scope, {
    _id: versionId,
    policyId: parsed.policy.document.id,
    version: parsed.policy.document.version,
    title: parsed.policy.document.title,
    hash,
    source,
    fileName: 'hydro-ams-i-d.yaml',
    draftId: newId('pol'),
    publishedAt: new Date(),
  });
  const synthetic = generateSyntheticPlant({
    seed: options.seed,
    days: options.days,
    cadenceS: 3600,
    faultRate: options.faultRate ?? 0.06,
    start: '2026-05-01T00:00:00Z',
  });
  const projectId = newId('prj');
  const { devices: plantDevices, ...plant } = synthetic.plant;
  await projectStore(db).insert(scope, {
    _id: projectId,
    plantId: synthetic.plant.plant_id,
    name: synthetic.plant.name,
    plant: plant as unknown as Record<string, unknown>,
    policy: { versionId, policyId: parsed.policy.document.id, version: parsed.policy.document.version, hash },
    createdAt: new Date(),
  });
  const devices: SeededProject['devices'] = [];
  for (const d of plantDevices ?? []) {
    const deviceId = newId('dev');
    await deviceStore(db).insert(scope, {
      _id: deviceId,
      projectId,
      did: d.device_id,
      scope: d.scope,
      origin: 'registered',
      status: 'active',
      createdAt: new Date(),
      statusChangedAt: new Date(),
    });
    devices.push({ deviceId, did: d.device_id });
  }
  const readings = new Map<string, Omit<Reading, 'orgId'>[]>();
  const kinds = new Map<string, string>();
  for (const record of synthetic.records) {
    let document: { device_id: string; seq: number; timestamp: string };
    try {
      document = JSON.parse(record.line);
    } catch {
      continue; // the generator's unparseable lines never pass the API's schema check
    }
    const device = devices.find((d) => d.did === document.device_id);
    if (!device || typeof document.seq !== 'number') continue;
    const list = readings.get(device.deviceId) ?? [];
    if (list.some((r) => r.seq === document.seq)) continue; // a replay is answered by the API itself
    const id = newId('rdg');
    kinds.set(id, record.kind);
    list.push({
      _id: id,
      projectId,
      deviceId: device.deviceId,
      did: document.device_id,
      seq: document.seq,
      timestamp: document.timestamp,
      receivedAt: new Date(),
      documentJson: record.line,
      status: 'RECEIVED',
    });
    readings.set(device.deviceId, list);
  }
  for (const list of readings.values()) await readingStore(db).insertManyOnce(scope, list);
  const engineVerdicts = verdictsOf(readings, {
    config: verificationConfigOf(parsed.policy),
    plant: parsePlant({ ...plant, devices: plantDevices ?? [] }).plant!,
    nowMs: Date.now(),
  });
  return {
    orgId,
    projectId,
    policyHash: hash,
    policyVersionId: versionId,
    devices,
    readings,
    kinds,
    engineVerdicts,
  };
}

function verdictsOf(
  readings: Map<string, Omit<Reading, 'orgId'>[]>,
  context: Parameters<typeof createVerifier>[0] & { nowMs: number },
): Map<string, VerdictStatus> {
  // 'hold': like the service, a FLAGGED reading's open review stops the device learning.
  const verifier = createVerifier({ config: context.config, plant: context.plant, flagged: 'hold' });
  const verdicts = new Map<string, VerdictStatus>();
  for (const list of readings.values()) {
    for (const r of [...list].sort((a, b) => a.seq - b.seq)) {
      verdicts.set(r._id, verifier.verify(r.documentJson, context.nowMs).verdict.status);
    }
  }
  return verdicts;
}
