import { hashDocument } from '../engine/anchoring/index.ts';
import { parsePlant } from '../engine/plant/parse-plant.ts';
import { parsePolicy } from '../engine/policy/parse-policy.ts';
import type { CheckedPolicy } from '../engine/policy/policy-document.ts';
import { policyHash } from '../engine/policy/policy-hash.ts';
import type { ProjectOverrides } from '../engine/policy/resolve-parameters.ts';
import { verificationConfigOf } from '../engine/policy/verification-config-of.ts';
import { checkCalibrations } from './check-calibrations.ts';
import { type AnchoredReading, checkReadings, type ReadingCheckResult } from './check-readings.ts';
import { checkRoles, type Roles } from './check-roles.ts';
import { credentialTypeOf } from './credential-types.ts';
import type { EvidenceCredential } from './evidence-credential.ts';
import { type RecomputedFigures, recomputeFigures } from './recompute-figures.ts';
import type { TrustChainBundle } from './trust-chain-bundle.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';

export interface EvidenceInput {
  bundle: TrustChainBundle;
  /** Credentials whose signature, subject schema and revocation status held. */
  trusted: EvidenceCredential[];
  report: EvidenceCredential;
  issuance: EvidenceCredential;
  /** Indexes of bundle documents whose Merkle inclusion in an anchor held. */
  included: ReadonlySet<number>;
  authorities: readonly string[];
  /** When the ledger shows a revocation, by status entry (`<list id>#<index>`), in ms. */
  revokedAtMs?: ReadonlyMap<string, number>;
}

export interface EvidenceResult {
  checks: TrustChainCheck[];
  readings?: ReadingCheckResult['summary'];
  figures?: RecomputedFigures;
  /** The readings counted, as `<device DID>#<seq>` (what a device signed once): for double counting. */
  countedReadings?: string[];
}

const strip = (hash: unknown) => String(hash).replace(/^sha256:/, '');
const msOf = (consensus: string) => Math.floor(Number(consensus) * 1000);

/** `YYYY-MM` → its UTC month; anything else is refused. */
function monthOf(period: unknown): { start: string; end: string } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(String(period));
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return undefined;
  return {
    start: new Date(Date.UTC(y, mo - 1, 1)).toISOString(),
    end: new Date(Date.UTC(y, mo, 1)).toISOString(),
  };
}

/** The published policy, from the bundle's exact text, whose hash must be the anchored one. */
export function checkPolicyDocument(bundle: TrustChainBundle): {
  policy?: CheckedPolicy;
  checks: TrustChainCheck[];
} {
  if (typeof bundle.policy !== 'string') {
    return { checks: [fail('policy.document', 'the bundle does not carry the policy document')] };
  }
  const parsed = parsePolicy(bundle.policy, 'policy.yaml');
  if (!parsed.policy) {
    return {
      checks: [fail('policy.document', `does not check: ${parsed.problems[0]?.message ?? 'invalid'}`)],
    };
  }
  const hash = policyHash(parsed.policy);
  return hash === strip(bundle.policyHash)
    ? {
        policy: parsed.policy,
        checks: [
          pass('policy.document', `policy ${parsed.policy.document.id} hashes to ${hash.slice(0, 16)}…`),
        ],
      }
    : {
        checks: [
          fail(
            'policy.document',
            `the policy text hashes to ${hash}, not to the anchored ${strip(bundle.policyHash)}`,
          ),
        ],
      };
}

/**
 * Everything that follows from what someone other than the issuer signed: roles from accreditation
 * authorities, the plant from the registry, device registrations from the registry, reviews from
 * verifiers, readings from devices — then the verdicts and every figure recomputed with engine/.
 */
export function verifyEvidence(input: EvidenceInput, policy: CheckedPolicy): EvidenceResult {
  const { bundle, trusted } = input;
  const checks: TrustChainCheck[] = [];
  const report = input.report.credentialSubject ?? {};
  const period = monthOf(report.period);
  if (!period) return { checks: [fail('report.period', `not a YYYY-MM period: ${String(report.period)}`)] };

  // The report itself must be on the ledger: an issuer re-signing it later cannot re-anchor the past.
  const reportHash = hashDocument(input.report);
  const reportAnchored = bundle.documents.some(
    (d, i) => input.included.has(i) && d.proof.leafHash === reportHash,
  );
  checks.push(
    reportAnchored
      ? pass('report.anchor', 'the MonitoringReport credential is anchored')
      : fail('report.anchor', 'the MonitoringReport credential is not among the anchored documents'),
  );

  const { roles, checks: roleChecks } = checkRoles(trusted, input.authorities);
  checks.push(...roleChecks);
  const plantResult = registeredPlant(trusted, roles, String(report.projectId), period.start);
  checks.push(...plantResult.checks);
  if (!plantResult.plant) return { checks };

  const registrations = new Map<string, EvidenceCredential>();
  const revokedAtMs = new Map<string, number>();
  for (const c of trusted) {
    if (credentialTypeOf(c) !== 'DeviceRegistration') continue;
    const s = c.credentialSubject ?? {};
    const link = `registration:${String(s.id)}`;
    if (!roles.registry.has(String(c.issuer)))
      checks.push(fail(link, `registered by ${String(c.issuer)}, not by an accredited registry`));
    else if (s.projectId !== report.projectId)
      checks.push(fail(link, `bound to project ${String(s.projectId)}, not ${String(report.projectId)}`));
    else if (!registrations.has(String(s.id))) {
      registrations.set(String(s.id), c);
      const entry = c.credentialStatus as
        | { statusListCredential?: unknown; statusListIndex?: unknown }
        | undefined;
      const revoked = input.revokedAtMs?.get(
        `${String(entry?.statusListCredential)}#${String(entry?.statusListIndex)}`,
      );
      if (revoked !== undefined) revokedAtMs.set(String(s.id), revoked);
      checks.push(
        pass(
          link,
          `registered by the accredited registry ${String(c.issuer)} from ${String(s.registeredAt)}`,
        ),
      );
    }
  }
  const parsedPlant = parsePlant({
    ...plantResult.plant,
    devices: [...registrations.values()].map((r) => ({
      device_id: String(r.credentialSubject?.id),
      scope: String(r.credentialSubject?.scope),
      active: true,
      // The registry states the meters (accuracy class, calibration): the re-run judges them as the service did.
      ...(Array.isArray(r.credentialSubject?.meters) ? { meters: r.credentialSubject.meters } : {}),
    })),
  });
  if (!parsedPlant.plant) {
    checks.push(fail('plant', `the registered plant does not parse: ${parsedPlant.problems.join('; ')}`));
    return { checks };
  }
  const reportIssued = Date.parse(String(input.report.validFrom));
  const reviews = new Map<string, EvidenceCredential>();
  for (const c of trusted) {
    if (credentialTypeOf(c) !== 'ReviewDecision') continue;
    if (roles.verifier.has(String(c.issuer)) && Date.parse(String(c.validFrom)) <= reportIssued) {
      reviews.set(String(c.credentialSubject?.reading), c);
    }
  }
  const calibrations = checkCalibrations({
    trusted,
    roles,
    devices: new Set(registrations.keys()),
    policyHash: bundle.policyHash,
    reportIssuedMs: reportIssued,
  });
  checks.push(...calibrations.checks);
  const readings: AnchoredReading[] = [];
  bundle.documents.forEach((d, i) => {
    const doc = d.document as { device_id?: unknown } | null;
    if (!input.included.has(i) || doc === null || typeof doc !== 'object' || !('device_id' in doc)) return;
    readings.push({
      document: d.document,
      leafHash: d.proof.leafHash,
      verifiedAtMs: Math.min(
        msOf(bundle.anchors[d.anchor]!.consensusTimestamp),
        d.verifiedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(d.verifiedAt),
      ),
      anchor: `${bundle.anchors[d.anchor]!.topicId}#${bundle.anchors[d.anchor]!.sequenceNumber}`,
      claimed: d.status ?? 'APPROVED',
    });
  });
  const overrides = plantResult.parameters;
  let config: ReturnType<typeof verificationConfigOf>;
  try {
    config = verificationConfigOf(policy, overrides);
  } catch (error) {
    checks.push(fail('plant.parameters', (error as Error).message));
    return { checks };
  }
  const read = checkReadings({
    readings,
    config,
    plant: parsedPlant.plant,
    registrations,
    revokedAtMs,
    reviews,
    period,
    calibrations: calibrations.byDevice,
  });
  checks.push(...read.checks);
  checks.push(...checkBatchesNamed(readings, report));
  const figures = recomputeFigures({
    policy,
    plant: parsedPlant.plant,
    overrides,
    counted: read.counted,
    report,
    issuance: input.issuance.credentialSubject ?? {},
  });
  checks.push(...figures.checks);
  return {
    checks,
    readings: read.summary,
    figures: figures.figures,
    countedReadings: read.counted.map((d) => `${d.device_id}#${d.seq}`),
  };
}

/** The newest registry-issued plant version in force at the start of the period. */
function registeredPlant(
  trusted: readonly EvidenceCredential[],
  roles: Roles,
  projectId: string,
  periodStart: string,
): { plant?: Record<string, unknown>; parameters: ProjectOverrides; checks: TrustChainCheck[] } {
  const all = trusted.filter((c) => credentialTypeOf(c) === 'ProjectRegistration');
  const candidates = all
    .filter((c) => roles.registry.has(String(c.issuer)) && c.credentialSubject?.projectId === projectId)
    .filter((c) => Date.parse(String(c.credentialSubject?.effectiveFrom)) <= Date.parse(periodStart))
    .sort((a, b) => Number(b.credentialSubject?.version) - Number(a.credentialSubject?.version));
  const chosen = candidates[0];
  if (!chosen) {
    const byOthers = all.filter((c) => !roles.registry.has(String(c.issuer))).map((c) => String(c.issuer));
    return {
      parameters: {},
      checks: [
        fail(
          'plant',
          byOthers.length > 0
            ? `the plant is attested only by ${byOthers.join(', ')}, not by an accredited registry`
            : `no ProjectRegistration of ${projectId} by the registry in force at ${periodStart}`,
        ),
      ],
    };
  }
  const s = chosen.credentialSubject!;
  return {
    plant: s.plant as Record<string, unknown>,
    parameters: (s.parameters ?? {}) as ProjectOverrides,
    checks: [pass('plant', `ProjectRegistration v${String(s.version)} by ${String(chosen.issuer)}`)],
  };
}

/** Every anchor a counted reading comes from is one the report names, and no other. */
function checkBatchesNamed(
  readings: readonly AnchoredReading[],
  report: Record<string, unknown>,
): TrustChainCheck[] {
  const named = new Set(
    ((report.readingBatches ?? []) as Array<{ topicId: string; sequenceNumber: number }>).map(
      (a) => `${a.topicId}#${a.sequenceNumber}`,
    ),
  );
  const used = new Set(readings.map((r) => r.anchor));
  const missing = [...used].filter((a) => !named.has(a));
  const extra = [...named].filter((a) => !used.has(a));
  return [
    missing.length === 0 && extra.length === 0
      ? pass('report.batches', `${named.size} reading anchor(s), all named by the report`)
      : fail(
          'report.batches',
          `anchors not named by the report: ${missing.join(', ') || '-'}; named without readings: ${extra.join(', ') || '-'}`,
        ),
  ];
}
