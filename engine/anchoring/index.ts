export type { AnchorBatch } from './anchor-batch.ts';
export { anchorBatch } from './anchor-batch.ts';
export type { AnchorMessage } from './anchor-message.ts';
export { decodeAnchorMessage, encodeAnchorMessage, MAX_ANCHOR_MESSAGE_BYTES } from './anchor-message.ts';
export type { AnchoringErrorCode } from './anchoring-error.ts';
export { AnchoringError } from './anchoring-error.ts';
export { hashDocument, hashNode, isHashHex } from './hash-document.ts';
export type {
  InclusionFailure,
  InclusionProof,
  InclusionResult,
  MirrorTopicMessage,
} from './inclusion-proof.ts';
export { verifyInclusion } from './inclusion-proof.ts';
export type { MerkleTree } from './merkle-tree.ts';
export { auditPath, buildMerkleTree, rootFromPath } from './merkle-tree.ts';
export type { PolicyPublication } from './policy-publication.ts';
export {
  isPolicyPublication,
  POLICY_PUBLICATION_PERIOD,
  policyPublicationDocument,
} from './policy-publication.ts';
export { STATUS_LIST_PERIOD_PREFIX, statusListAnchorPeriod } from './status-list-anchor.ts';
