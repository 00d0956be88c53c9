import type { InclusionProof } from '../engine/anchoring/index.ts';
import type { CredentialSigner } from './credential-signer.ts';
import type { SubjectSchemas } from './credential-types.ts';
import type { DocumentLoader } from './document-loader.ts';
import type { VerifiableCredential } from './issue-credential.ts';
import { issuePresentation } from './issue-presentation.ts';
import type { MirrorRestTopicMessage } from './mirror-topic-messages.ts';
import {
  type AnchoredDocument,
  type AnchorReference,
  type TrustChainBundle,
  trustChainChallenge,
} from './trust-chain-bundle.ts';

export interface AssembleTrustChainOptions {
  mint: TrustChainBundle['mint'];
  policyHash: string;
  credentialSchemas: SubjectSchemas;
  issuance: VerifiableCredential;
  monitoringReport: VerifiableCredential;
  readingBatches: VerifiableCredential[];
  deviceRegistrations: VerifiableCredential[];
  /** Evidence credentials: role accreditations, ProjectRegistration versions, ReviewDecisions, MeterCalibrations. */
  evidence?: VerifiableCredential[];
  /** The exact published policy document. */
  policy?: string;
  statusLists: VerifiableCredential[];
  /** The anchor messages as the mirror node returned them. */
  anchors: MirrorRestTopicMessage[];
  /** Anchored documents with their proofs and the anchor (topic, sequence number) they belong to. */
  documents: Array<{
    document: unknown;
    proof: InclusionProof;
    topicId: string;
    sequenceNumber: number;
    status?: AnchoredDocument['status'];
    verifiedAt?: string;
  }>;
  /** The organization presenting the chain (normally the issuer of the Issuance credential). */
  holder: string;
  signer: CredentialSigner;
  presentationId: string;
  createdAt: string;
  documentLoader: DocumentLoader;
}

/**
 * Assembles the trust chain of one mint: a holder-signed presentation of every credential behind it
 * (bound to the mint by its challenge, carrying the policy hash and subject schemas), the issuers'
 * status lists, the HCS anchor messages and the Merkle proofs of the anchored documents.
 */
export async function assembleTrustChain(options: AssembleTrustChainOptions): Promise<TrustChainBundle> {
  const anchors: AnchorReference[] = options.anchors.map((m) => ({
    topicId: String(m.topic_id),
    sequenceNumber: Number(m.sequence_number),
    consensusTimestamp: String(m.consensus_timestamp),
    runningHash: String(m.running_hash),
    message: String(m.message),
  }));
  const documents: AnchoredDocument[] = options.documents.map((d) => {
    const anchor = anchors.findIndex((a) => a.topicId === d.topicId && a.sequenceNumber === d.sequenceNumber);
    if (anchor === -1) throw new Error(`no anchor ${d.topicId}#${d.sequenceNumber} for an anchored document`);
    return {
      document: structuredClone(d.document),
      proof: structuredClone(d.proof),
      anchor,
      ...(d.status ? { status: d.status } : {}),
      ...(d.verifiedAt ? { verifiedAt: d.verifiedAt } : {}),
    };
  });
  const presentation = await issuePresentation({
    credentials: [
      options.issuance,
      options.monitoringReport,
      ...options.readingBatches,
      ...options.deviceRegistrations,
      ...(options.evidence ?? []),
    ],
    holder: options.holder,
    signer: options.signer,
    id: options.presentationId,
    createdAt: options.createdAt,
    challenge: trustChainChallenge(options.mint),
    evidence: { policyHash: options.policyHash, credentialSchemas: options.credentialSchemas },
    documentLoader: options.documentLoader,
  });
  return {
    v: 1,
    type: 'mrv.trust-chain',
    mint: { ...options.mint },
    policyHash: options.policyHash,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    presentation,
    statusLists: structuredClone(options.statusLists),
    anchors,
    documents,
  };
}
