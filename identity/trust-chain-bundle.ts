import { Ajv2020 } from 'ajv/dist/2020.js';
import type { InclusionProof } from '../engine/anchoring/index.ts';
import type { VerifiableCredential } from './issue-credential.ts';
import type { VerifiablePresentation } from './issue-presentation.ts';

/** An HCS message the chain relies on, copied from the mirror node when the bundle was assembled. */
export interface AnchorReference {
  topicId: string;
  sequenceNumber: number;
  /** Mirror form `seconds.nanos`. */
  consensusTimestamp: string;
  /** base64, as the mirror node returns it. */
  runningHash: string;
  /** base64 message body, as the mirror node returns it. */
  message: string;
}

/** A document (e.g. a telemetry reading) and its Merkle inclusion proof into one of the anchors. */
export interface AnchoredDocument {
  document: unknown;
  proof: InclusionProof;
  /** Index into `anchors`. */
  anchor: number;
  /** A reading's final status as the issuer claims it; absent means APPROVED (counted). */
  status?: 'APPROVED' | 'FLAGGED' | 'REJECTED';
  /** The service's verifier clock for this reading's verdict (RFC 3339). */
  verifiedAt?: string;
}

/** What a mint's trust chain consists of; `mrv chain verify` checks every part of it. */
export interface TrustChainBundle {
  v: 1;
  type: 'mrv.trust-chain';
  mint: { tokenId: string; decimals: number; amount: string; transactionId: string };
  policyHash: string;
  /** The exact published policy document (YAML text); its hash must be `policyHash`. */
  policy?: string;
  /** Holder-signed VP: Issuance, MonitoringReport, VerifiedReadingBatch and DeviceRegistration VCs, plus the policy's subject schemas. */
  presentation: VerifiablePresentation;
  /** Every version of each status list anchored on the ledger (the auditor reads status from the newest). */
  statusLists: VerifiableCredential[];
  anchors: AnchorReference[];
  documents: AnchoredDocument[];
}

/** The challenge the holder signs: binds the presentation to this one mint. */
export function trustChainChallenge(mint: { tokenId: string; transactionId: string }): string {
  return `mrv-trust-chain:${mint.tokenId}:${mint.transactionId}`;
}

const ENTITY = '^\\d{1,10}\\.\\d{1,10}\\.\\d{1,19}$';
const HASH = '^[0-9a-f]{64}$';
const ajv = new Ajv2020({ allErrors: true, strict: false });

/** Shape of a bundle; anything not listed is refused, so no byte can sit outside every check. */
export const validateBundleShape = ajv.compile<TrustChainBundle>({
  type: 'object',
  additionalProperties: false,
  required: ['v', 'type', 'mint', 'policyHash', 'presentation', 'statusLists', 'anchors', 'documents'],
  properties: {
    v: { const: 1 },
    type: { const: 'mrv.trust-chain' },
    mint: {
      type: 'object',
      additionalProperties: false,
      required: ['tokenId', 'decimals', 'amount', 'transactionId'],
      properties: {
        tokenId: { type: 'string', pattern: ENTITY },
        decimals: { type: 'integer', minimum: 0, maximum: 18 },
        amount: { type: 'string', pattern: '^(0|[1-9]\\d{0,30})$' },
        transactionId: {
          type: 'string',
          pattern: '^\\d{1,10}\\.\\d{1,10}\\.\\d{1,19}@\\d{1,12}\\.\\d{1,9}$',
        },
      },
    },
    policyHash: { type: 'string', maxLength: 200 },
    policy: { type: 'string', maxLength: 1_048_576 },
    presentation: { type: 'object' },
    statusLists: { type: 'array', maxItems: 1000, items: { type: 'object' } },
    anchors: {
      type: 'array',
      minItems: 1,
      maxItems: 10_000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['topicId', 'sequenceNumber', 'consensusTimestamp', 'runningHash', 'message'],
        properties: {
          topicId: { type: 'string', pattern: ENTITY },
          sequenceNumber: { type: 'integer', minimum: 1 },
          consensusTimestamp: { type: 'string', pattern: '^\\d{1,12}\\.\\d{1,9}$' },
          runningHash: { type: 'string', maxLength: 100 },
          message: { type: 'string', maxLength: 1368 },
        },
      },
    },
    documents: {
      type: 'array',
      maxItems: 100_000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['document', 'proof', 'anchor'],
        properties: {
          document: {},
          anchor: { type: 'integer', minimum: 0 },
          status: { enum: ['APPROVED', 'FLAGGED', 'REJECTED'] },
          verifiedAt: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$',
          },
          proof: {
            type: 'object',
            additionalProperties: false,
            required: ['v', 'leafIndex', 'treeSize', 'leafHash', 'path', 'root'],
            properties: {
              v: { const: 1 },
              leafIndex: { type: 'integer', minimum: 0 },
              treeSize: { type: 'integer', minimum: 1 },
              leafHash: { type: 'string', pattern: HASH },
              path: { type: 'array', maxItems: 64, items: { type: 'string', pattern: HASH } },
              root: { type: 'string', pattern: HASH },
            },
          },
        },
      },
    },
  },
});
