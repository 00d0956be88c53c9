/**
 * A hostile issuer's workshop: builds a complete trust chain on the live local network the way the
 * service does (the published policy, signed synthetic telemetry from two devices, verdicts by
 * engine/verification, reading batches anchored with their verdicts, registry registrations, verifier
 * reviews, the methodology, a mint by the organization's key) and lets a test change any step while
 * holding every key the organization holds. Nothing is faked: each attack is re-signed, re-anchored
 * and re-minted as a real issuer could.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Hbar,
  TokenCreateTransaction,
  TokenMintTransaction,
  TokenSupplyType,
  TokenType,
  TopicCreateTransaction,
  TopicMessageSubmitTransaction,
} from '@hashgraph/sdk';
import canonicalize from 'canonicalize';
import {
  anchorBatch,
  hashDocument,
  POLICY_PUBLICATION_PERIOD,
  policyPublicationDocument,
  statusListAnchorPeriod,
} from '../../../engine/anchoring/index.ts';
import { computeMethodology } from '../../../engine/methodology/compute-methodology.ts';
import { periodEnergy } from '../../../engine/methodology/period-energy.ts';
import type { Plant } from '../../../engine/plant/plant.ts';
import { claimsFor } from '../../../engine/policy/credential-claims.ts';
import { credentialSubjectSchemas } from '../../../engine/policy/credential-subject-schemas.ts';
import { parsePolicy } from '../../../engine/policy/parse-policy.ts';
import type { CheckedPolicy } from '../../../engine/policy/policy-document.ts';
import { policyHash } from '../../../engine/policy/policy-hash.ts';
import { verificationConfigOf } from '../../../engine/policy/verification-config-of.ts';
import type { TelemetryDocument } from '../../../engine/telemetry/telemetry-document.ts';
import type { DeviceState } from '../../../engine/verification/device-state.ts';
import { generateSyntheticPlant } from '../../../engine/verification/synthetic/generate-synthetic-plant.ts';
import { verifyReading } from '../../../engine/verification/verify-reading.ts';
import { assembleTrustChain } from '../../../identity/assemble-trust-chain.ts';
import type { CredentialType } from '../../../identity/credential-types.ts';
import { evidenceSubjectSchemas } from '../../../identity/evidence-subject-schemas.ts';
import { issueCredential, type VerifiableCredential } from '../../../identity/issue-credential.ts';
import { fetchTopicMessage, type MirrorRestTopicMessage } from '../../../identity/mirror-topic-messages.ts';
import {
  allocateStatusEntry,
  createStatusList,
  issueStatusListCredential,
  revokeStatus,
} from '../../../identity/status-list.ts';
import type { TrustChainBundle } from '../../../identity/trust-chain-bundle.ts';
import type { PeriodComputation } from '../../../workflows/activities/period-activities.ts';
import { issuanceClaims, monitoringReportClaims } from '../../../workflows/definitions/period-credentials.ts';
import type { LocalHedera } from '../fixtures/local-hedera.ts';
import { documentLoader, type Parties, type Party } from './parties.ts';

export const POLICY_TEXT = readFileSync(
  join(import.meta.dirname, '../../../policies/hydro-ams-i-d.yaml'),
  'utf8',
);
export const PERIOD = '2026-05';
const ORG = 'org-hostile';
const PROJECT = 'prj-hostile';

export type Status = 'APPROVED' | 'FLAGGED' | 'REJECTED';
/** One accepted document, as the issuer anchors it. */
export interface Entry {
  document: TelemetryDocument;
  /** The rules' verdict when the issuer verified it. */
  verdict: Status;
  /** The final status the issuer claims (a verifier's review turns FLAGGED into APPROVED). */
  status: Status;
}

export interface ChainOptions {
  /** Readings per device and day at 15 minutes (default one day). */
  days?: number;
  faultRate?: number;
  /** Start of the synthetic telemetry (default the first instant of the period). */
  start?: string;
  /** Who issues the role accreditations (default the authority). */
  accreditedBy?: keyof Parties;
  /** Change documents or claimed statuses after verification, before anchoring. */
  tamper?: (entries: Entry[], parties: Parties) => void;
  /** The plant the issuer computes with (e.g. the grid factor raised in its database). */
  computePlant?: (plant: Plant) => Plant;
  egFactor?: number;
  /** Change the report subject after the figures are computed (then it is signed and anchored). */
  patchReport?: (subject: Record<string, unknown>) => void;
  plantAttestedBy?: keyof Parties;
  registeredBy?: keyof Parties;
  /** Who signs the reviews of flagged readings ('none': the issuer counts them unreviewed). */
  reviewedBy?: keyof Parties | 'none';
  /** What the verifier decided on the flagged readings the issuer counts (default approve). */
  reviewDecision?: 'approve' | 'reject';
  /** The policy text put in the bundle (the anchors state the published one's hash). */
  bundlePolicy?: (text: string) => string;
  topicKeyOf?: keyof Parties;
  supplyKeyOf?: keyof Parties;
  memo?: (reportAnchor: string) => string;
  /**
   * When the policy's publication is anchored: before the readings (genuine), after the report (rules
   * written after the readings were seen), or never.
   */
  policyPublication?: 'before' | 'after' | 'none';
  /** Revoke the first device's registration (the list in the bundle shows it). */
  revokeFirstDevice?: boolean;
  /** Revoke the first device's registration and ship the list from before the revocation. */
  staleStatusList?: boolean;
  /** false: the status list is never anchored (the bundle's copy is all there is). */
  statusListAnchored?: boolean;
  /** Mint on this token (one an earlier chain created with the same supply key), not on a new one. */
  mintOnToken?: string;
  /** The devices and signed telemetry of an earlier chain, counted again (instead of new ones). */
  sameReadingsAs?: BuiltChain;
}

export interface BuiltChain {
  bundle: TrustChainBundle;
  entries: Entry[];
  policy: CheckedPolicy;
  /** The plant, its devices' keys and their signed telemetry. */
  synthetic: ReturnType<typeof generateSyntheticPlant>;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export async function buildChain(
  hedera: LocalHedera,
  parties: Parties,
  options: ChainOptions = {},
): Promise<BuiltChain> {
  const { client } = hedera;
  const policy = parsePolicy(POLICY_TEXT, 'hydro-ams-i-d.yaml').policy!;
  const hash = policyHash(policy);
  const schemas = { ...credentialSubjectSchemas(policy), ...evidenceSubjectSchemas };
  const issue = (
    by: Party,
    type: CredentialType,
    id: string,
    subject: Record<string, unknown>,
    issuedAt: string,
    extra: Partial<Parameters<typeof issueCredential>[0]> = {},
  ) =>
    issueCredential({
      type,
      subject,
      subjectSchema: (schemas as Record<string, Record<string, unknown>>)[type]!,
      issuer: by.did,
      signer: by.signer,
      issuedAt,
      id,
      documentLoader,
      ...extra,
    });

  // Telemetry signed by two devices, verified by the issuer with the engine, as the service does.
  const synthetic =
    options.sameReadingsAs?.synthetic ??
    generateSyntheticPlant({
      seed: 5,
      days: options.days ?? 1,
      faultRate: options.faultRate ?? 0.06,
      start: options.start ?? `${PERIOD}-01T00:00:00Z`,
    });
  const { devices = [], ...plantFile } = synthetic.plant;
  const config = verificationConfigOf(policy, {});
  const states = new Map<string, DeviceState | undefined>();
  const entries: Entry[] = [];
  for (const record of synthetic.records) {
    let document: TelemetryDocument;
    try {
      document = JSON.parse(record.line) as TelemetryDocument;
    } catch {
      continue; // not JSON: refused at the API, never accepted
    }
    if (typeof document?.device_id !== 'string') continue;
    const result = verifyReading(states.get(document.device_id), document, {
      config,
      plant: synthetic.plant,
      nowMs: synthetic.nowMs,
    });
    if (result.verdict.findings.some((f) => f.rule === 'schema')) continue;
    states.set(document.device_id, result.nextState);
    const verdict = result.verdict.status;
    entries.push({ document, verdict, status: verdict === 'FLAGGED' ? 'APPROVED' : verdict });
  }
  options.tamper?.(entries, parties);
  const verifiedAt = new Date(synthetic.nowMs).toISOString();

  // The ledger: one anchor topic of the organization, one batch per device, then the report.
  const topicKey = parties[options.topicKeyOf ?? 'org'].hederaKey;
  const topicId = (
    await (
      await new TopicCreateTransaction().setSubmitKey(topicKey.publicKey).execute(client)
    ).getReceipt(client)
  ).topicId!.toString();
  const anchors: MirrorRestTopicMessage[] = [];
  /** Submits an anchor; `inBundle: false` for one the auditor finds on the topic itself (status lists). */
  const anchor = async (message: Uint8Array, inBundle = true) => {
    const tx = await new TopicMessageSubmitTransaction({ topicId, message })
      .freezeWith(client)
      .sign(topicKey);
    const receipt = await (await tx.execute(client)).getReceipt(client);
    const sequenceNumber = Number(receipt.topicSequenceNumber);
    const m = await fetchTopicMessage({
      mirrorUrl: hedera.network.mirrorRestUrl,
      topicId,
      sequenceNumber,
      fetch,
    });
    if (inBundle) anchors.push(m!);
    return sequenceNumber;
  };
  const documents: Parameters<typeof assembleTrustChain>[0]['documents'] = [];
  const publish = async () => {
    const publication = policyPublicationDocument({
      policyId: policy.document.id,
      version: policy.document.version,
      hash,
    });
    const batch = anchorBatch({
      documents: [publication],
      policyHash: hash,
      period: POLICY_PUBLICATION_PERIOD,
    });
    const sequenceNumber = await anchor(batch.message);
    documents.push({ document: publication, proof: batch.proofs[0]!, topicId, sequenceNumber });
  };
  if ((options.policyPublication ?? 'before') === 'before') await publish();
  const readingBatches: VerifiableCredential[] = [];
  const batchRefs: PeriodComputation['batches'] = [];
  for (const did of [...new Set(entries.map((e) => e.document.device_id))]) {
    const group = entries.filter((e) => e.document.device_id === did);
    const batch = anchorBatch({ documents: group.map((e) => e.document), policyHash: hash, period: PERIOD });
    const sequenceNumber = await anchor(batch.message);
    for (const [i, e] of group.entries()) {
      documents.push({
        document: e.document,
        proof: batch.proofs[i]!,
        topicId,
        sequenceNumber,
        status: e.status,
        verifiedAt,
      });
    }
    batchRefs.push({ batchId: batch.root, topicId, sequenceNumber });
    const stamps = group.map((e) => e.document.timestamp).sort();
    const energy = periodEnergy(group.filter((e) => e.status === 'APPROVED').map((e) => e.document)).egMwh;
    const known = {
      merkle_root: { value: batch.root },
      reading_count: { value: batch.count },
      energy_export: { value: energy, unit: 'MWh' },
      period_start: { value: stamps[0]! },
      period_end: { value: stamps.at(-1)! },
    };
    readingBatches.push(
      await issue(
        parties.org,
        'VerifiedReadingBatch',
        `urn:mrv:batch:${batch.root}`,
        {
          id: `urn:mrv:batch:${batch.root}`,
          deviceId: did,
          merkleRoot: batch.root,
          count: batch.count,
          period: { start: stamps[0]!, end: stamps.at(-1)! },
          findings: {},
          energyExportMwh: energy,
          policyHash: hash,
          claims: claimsFor(policy.document, 'VerifiedReadingBatch', known)!,
        },
        '2026-06-01T01:00:00Z',
      ),
    );
  }

  // Registry and verifier, accredited by the authority.
  const evidence: VerifiableCredential[] = [];
  for (const role of ['registry', 'verifier'] as const) {
    evidence.push(
      await issue(
        parties[options.accreditedBy ?? 'authority'],
        'RoleAccreditation',
        `urn:mrv:accreditation:${role}`,
        { id: parties[role].did, role },
        '2026-01-01T00:00:00Z',
      ),
    );
  }
  evidence.push(
    await issue(
      parties[options.plantAttestedBy ?? 'registry'],
      'ProjectRegistration',
      `urn:mrv:project:${PROJECT}:v1`,
      {
        id: `urn:mrv:project:${PROJECT}:v1`,
        projectId: PROJECT,
        version: 1,
        effectiveFrom: '2026-01-01T00:00:00Z',
        plant: plantFile,
        parameters: {},
      },
      '2026-01-02T00:00:00Z',
    ),
  );
  const registrar = parties[options.registeredBy ?? 'registry'];
  let list = createStatusList({
    id: `urn:mrv:status-list:${registrar.did.slice(-12)}`,
    issuer: registrar.did,
  });
  const registrations: VerifiableCredential[] = [];
  for (const device of devices) {
    const allocated = allocateStatusEntry(list);
    list = allocated.list;
    const registeredAt = '2026-04-01T00:00:00.000Z';
    registrations.push(
      await issue(
        registrar,
        'DeviceRegistration',
        `urn:mrv:registration:${device.device_id.slice(-12)}`,
        {
          id: device.device_id,
          orgId: ORG,
          projectId: PROJECT,
          plantId: synthetic.plant.plant_id,
          scope: device.scope,
          registeredAt,
          policyHash: hash,
          claims: claimsFor(policy.document, 'DeviceRegistration', {
            device_id: { value: device.device_id },
            plant_id: { value: synthetic.plant.plant_id },
            scope: { value: device.scope },
            registered_at: { value: registeredAt },
          })!,
        },
        '2026-04-01T00:00:00Z',
        { credentialStatus: allocated.entry },
      ),
    );
  }
  const statusBefore = await issueStatusListCredential({
    list,
    signer: registrar.signer,
    issuedAt: '2026-04-01T00:00:00Z',
    documentLoader,
  });
  // Every version of the list goes on the ledger, as the service's anchorStatusLists does.
  const anchorStatusList = (credential: VerifiableCredential) =>
    anchor(
      anchorBatch({
        documents: [credential],
        policyHash: `none:${'0'.repeat(64)}`,
        period: statusListAnchorPeriod(String(credential.id)),
      }).message,
      false,
    );
  if (options.statusListAnchored !== false) await anchorStatusList(statusBefore);
  const revoking = options.staleStatusList || options.revokeFirstDevice;
  if (revoking) {
    const first = registrations[0]!.credentialStatus as Parameters<typeof revokeStatus>[1];
    list = revokeStatus(list, first);
  }
  const statusNow = await issueStatusListCredential({
    list,
    signer: registrar.signer,
    issuedAt: '2026-06-01T00:00:00Z',
    documentLoader,
  });
  if (revoking) await anchorStatusList(statusNow);
  const statusLists = options.staleStatusList
    ? [statusBefore]
    : revoking
      ? [statusBefore, statusNow]
      : [statusBefore];
  const reviewer = options.reviewedBy ?? 'verifier';
  for (const e of entries) {
    if (e.verdict !== 'FLAGGED' || e.status !== 'APPROVED' || reviewer === 'none') continue;
    const leaf = hashDocument(e.document);
    evidence.push(
      await issue(
        parties[reviewer],
        'ReviewDecision',
        `urn:mrv:review:${leaf}`,
        {
          id: `urn:mrv:review:${leaf}`,
          reading: leaf,
          deviceId: e.document.device_id,
          seq: e.document.seq,
          decision: options.reviewDecision ?? 'approve',
          reason: 'checked against the plant log',
        },
        '2026-06-02T00:00:00Z',
      ),
    );
  }

  // The period, computed with the methodology from the readings the issuer counts.
  const counted = entries.filter((e) => e.status === 'APPROVED').map((e) => e.document);
  const energy = periodEnergy(counted);
  const factor = options.egFactor ?? 1;
  const plantUsed = options.computePlant
    ? options.computePlant(structuredClone(synthetic.plant))
    : synthetic.plant;
  const m = computeMethodology({
    policy,
    plant: plantUsed,
    egMwh: energy.egMwh * factor,
    tegMwh: energy.tegMwh * factor,
  });
  const computation: PeriodComputation = {
    periodStart: `${PERIOD}-01T00:00:00.000Z`,
    periodEnd: '2026-06-01T00:00:00.000Z',
    egMwh: m.eg_mwh,
    tegMwh: energy.tegMwh * factor,
    efGridTco2PerMwh: m.ef_grid_tco2_per_mwh,
    beTco2e: m.be_tco2e,
    peTco2e: m.pe_tco2e,
    leTco2e: m.le_tco2e,
    erTco2e: m.er_tco2e,
    eligible: m.eligible,
    amount: String(m.token.amount),
    decimals: m.token.decimals,
    readings: { approved: counted.length, flagged: 0, rejected: 0, received: 0 },
    batches: batchRefs,
    unanchoredDevices: [],
  };
  const about = { orgId: ORG, projectId: PROJECT, period: PERIOD, policyHash: hash, computation };
  const reportClaims = monitoringReportClaims(about);
  const reportSubject: Record<string, unknown> = {
    ...reportClaims.subject,
    claims: claimsFor(policy.document, 'MonitoringReport', reportClaims.known),
  };
  options.patchReport?.(reportSubject);
  const report = await issue(
    parties.org,
    'MonitoringReport',
    `urn:mrv:report:${PROJECT}:${PERIOD}`,
    reportSubject,
    '2026-06-05T00:00:00Z',
  );
  const reportBatch = anchorBatch({ documents: [report], policyHash: hash, period: PERIOD });
  const reportSeq = await anchor(reportBatch.message);
  documents.push({ document: report, proof: reportBatch.proofs[0]!, topicId, sequenceNumber: reportSeq });
  if (options.policyPublication === 'after') await publish();

  // The mint, by the supply key, with a memo naming the report's anchor.
  const supplyKey = parties[options.supplyKeyOf ?? 'org'].hederaKey;
  const tokenId =
    options.mintOnToken ??
    (
      await (
        await new TokenCreateTransaction()
          .setTokenName('Hydro VER')
          .setTokenSymbol('HVER')
          .setTokenType(TokenType.FungibleCommon)
          .setDecimals(m.token.decimals)
          .setInitialSupply(0)
          .setSupplyType(TokenSupplyType.Infinite)
          .setTreasuryAccountId(client.operatorAccountId!)
          .setSupplyKey(supplyKey.publicKey)
          .setMaxTransactionFee(new Hbar(50))
          .execute(client)
      ).getReceipt(client)
    ).tokenId!.toString();
  const amount = String(reportSubject.amount);
  const reportAnchor = `${topicId}#${reportSeq}`;
  const mintTx = await new TokenMintTransaction()
    .setTokenId(tokenId)
    .setAmount(Number(amount))
    .setTransactionMemo(options.memo ? options.memo(reportAnchor) : `report ${reportAnchor}`)
    .freezeWith(client)
    .sign(supplyKey);
  const minted = await mintTx.execute(client);
  await minted.getReceipt(client);
  const mint = {
    tokenId,
    decimals: m.token.decimals,
    amount,
    transactionId: minted.transactionId.toString(),
  };
  const issuanceParts = issuanceClaims({
    ...about,
    mint,
    reportCredentialId: report.id,
    reportAnchor: { batchId: reportBatch.root, topicId, sequenceNumber: reportSeq },
  });
  const issuance = await issue(
    parties.org,
    'Issuance',
    `urn:mrv:issuance:${PROJECT}:${PERIOD}`,
    {
      ...issuanceParts.subject,
      claims: claimsFor(policy.document, 'Issuance', {
        ...issuanceParts.known,
        monitoring_report: { value: sha256Hex(canonicalize(report)!) },
      }),
    },
    '2026-06-06T00:00:00Z',
  );

  const bundle = await assembleTrustChain({
    mint,
    policyHash: hash,
    policy: options.bundlePolicy ? options.bundlePolicy(POLICY_TEXT) : POLICY_TEXT,
    credentialSchemas: credentialSubjectSchemas(policy),
    issuance,
    monitoringReport: report,
    readingBatches,
    deviceRegistrations: registrations,
    evidence,
    statusLists,
    anchors,
    documents,
    holder: parties.org.did,
    signer: parties.org.signer,
    presentationId: `urn:mrv:trust-chain:${PROJECT}:${PERIOD}`,
    createdAt: '2026-06-06T00:00:00Z',
    documentLoader,
  });
  return { bundle, entries, policy, synthetic };
}
