import * as vc from '@digitalbazaar/vc';
import { createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import { VC_V2_CONTEXT } from './bundled-contexts.ts';
import type { CredentialSigner } from './credential-signer.ts';
import type { DocumentLoader } from './document-loader.ts';
import { IdentityError } from './identity-error.ts';
import type { StatusListEntry, VerifiableCredential } from './issue-credential.ts';
import { createSigningSuite } from './proof-suites.ts';

/** The spec's minimum list size (16 KiB of bits): small lists would let a verifier guess who is checked. */
export const STATUS_LIST_LENGTH = 131_072;

/**
 * One issuer's revocation list, as plain data the caller persists (in the store, per organization).
 * `revoked` is kept sorted and unique so equal lists serialize identically.
 */
export interface StatusListState {
  /** URL (or URN) of the status list credential; credentials point at it. */
  id: string;
  issuer: string;
  length: number;
  nextIndex: number;
  revoked: number[];
}

export function createStatusList(input: { id: string; issuer: string; length?: number }): StatusListState {
  const length = input.length ?? STATUS_LIST_LENGTH;
  if (!Number.isInteger(length) || length < 8 || length % 8 !== 0) {
    throw new IdentityError('STATUS_LIST_INVALID', 'status list length must be a positive multiple of 8');
  }
  return { id: input.id, issuer: input.issuer, length, nextIndex: 0, revoked: [] };
}

/** Reserves the next index for a new credential; returns the updated list and the `credentialStatus`. */
export function allocateStatusEntry(list: StatusListState): {
  list: StatusListState;
  entry: StatusListEntry;
} {
  if (list.nextIndex >= list.length) {
    throw new IdentityError('STATUS_LIST_FULL', `status list ${list.id} has no free index; start a new list`);
  }
  const index = list.nextIndex;
  return {
    list: { ...list, nextIndex: index + 1 },
    entry: {
      id: `${list.id}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: list.id,
    },
  };
}

/** Marks the credential holding `entry` as revoked. Revocation is permanent (the purpose is revocation). */
export function revokeStatus(list: StatusListState, entry: StatusListEntry): StatusListState {
  const index = Number(entry.statusListIndex);
  if (entry.statusListCredential !== list.id) {
    throw new IdentityError(
      'STATUS_LIST_INVALID',
      `entry belongs to ${entry.statusListCredential}, not ${list.id}`,
    );
  }
  if (!Number.isInteger(index) || index < 0 || index >= list.nextIndex) {
    throw new IdentityError('STATUS_LIST_INVALID', `index ${entry.statusListIndex} was never allocated`);
  }
  if (list.revoked.includes(index)) return list;
  return { ...list, revoked: [...list.revoked, index].sort((a, b) => a - b) };
}

/**
 * Signs the current state of the list as a BitstringStatusListCredential. Re-issue (and re-publish) it
 * after every revocation; verifiers read the bit through the offline document loader.
 */
export async function issueStatusListCredential(options: {
  list: StatusListState;
  signer: CredentialSigner;
  issuedAt: string;
  documentLoader: DocumentLoader;
}): Promise<VerifiableCredential> {
  const { list, signer, issuedAt } = options;
  if (!signer.id.startsWith(`${list.issuer}#`)) {
    throw new IdentityError(
      'CREDENTIAL_INVALID',
      `signer ${signer.id} is not a verification method of ${list.issuer}`,
    );
  }
  const bits = await createList({ length: list.length });
  for (const index of list.revoked) bits.setStatus(index, true);
  const credential = await createCredential({
    id: list.id,
    list: bits,
    statusPurpose: 'revocation',
    context: [VC_V2_CONTEXT],
  });
  credential.issuer = list.issuer;
  credential.validFrom = issuedAt;
  return (await vc.issue({
    credential,
    suite: createSigningSuite({ signer, createdAt: issuedAt }),
    documentLoader: options.documentLoader,
    now: issuedAt,
  })) as VerifiableCredential;
}
