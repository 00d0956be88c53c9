import {
  type Client,
  type PrivateKey,
  PublicKey,
  TokenCreateTransaction,
  TokenMintTransaction,
  TokenSupplyType,
  TopicCreateTransaction,
  TopicMessageSubmitTransaction,
  type Transaction,
  type TransactionReceipt,
  type TransactionRecord,
} from '@hashgraph/sdk';
import type { LedgerOperationName } from './intent-store.ts';
import type { MirrorClient, MirrorTransaction } from './mirror-client.ts';

/**
 * `controlKey` (hex of a raw Ed25519 public key): the key that controls the entity instead of the
 * operator — admin and submit key of a topic, admin and supply key of a token — and that co-signs
 * every transaction of the request (see `Cosigner`). An auditor then sees on the mirror node that only
 * the key's holder (an organization's issuer DID) can have anchored or minted.
 */
export interface Controlled {
  controlKey?: string;
}

export interface EnsureTopicRequest extends Controlled {
  topicMemo?: string;
  /** When true only the operator may submit to the topic (the usual choice for anchor topics). */
  restrictSubmit?: boolean;
}
export interface SubmitMessageRequest extends Controlled {
  topicId: string;
  /** Base64 of the message (≤ 1024 bytes: one chunk, one transaction). */
  message: string;
}
export interface CreateTokenRequest extends Controlled {
  name: string;
  symbol: string;
  decimals: number;
  /** Smallest units, decimal string. */
  initialSupply: string;
  maxSupply?: string;
  tokenMemo?: string;
}
export interface MintRequest extends Controlled {
  tokenId: string;
  /** Smallest units, decimal string. */
  amount: string;
}

export interface TopicResult {
  topicId: string;
  transactionId: string;
}
export interface MessageResult {
  topicId: string;
  sequenceNumber: number;
  consensusTimestamp: string;
  /** Hex of the topic running hash after this message. */
  runningHash: string;
  transactionId: string;
}
export interface TokenResult {
  tokenId: string;
  transactionId: string;
}
export interface MintResult {
  tokenId: string;
  amount: string;
  /** Total supply right after this mint; absent only when it was reconciled from the mirror node late. */
  newTotalSupply?: string;
  consensusTimestamp?: string;
  transactionId: string;
}

/** Signs a frozen transaction's body bytes with an organization's key (held by the key store, not here). */
export type Cosigner = (input: {
  orgId: string;
  publicKeyHex: string;
  bytes: Uint8Array;
}) => Promise<Uint8Array>;

export interface OperationContext {
  client: Client;
  operatorKey: PrivateKey;
  mirror: MirrorClient;
  /** Needed only for requests with a `controlKey`. */
  cosign?: Cosigner;
}

/** The Hedera key of a request's `controlKey`, when it has one. */
export function controlKeyOf(request: Record<string, unknown>): PublicKey | undefined {
  const hex = (request as Controlled).controlKey;
  return hex === undefined ? undefined : PublicKey.fromBytesED25519(Buffer.from(hex, 'hex'));
}

/** How one kind of operation is turned into a transaction and how its outcome is read back. */
export interface OperationSpec {
  build(request: Record<string, unknown>, ctx: OperationContext): Transaction;
  fromRecord(o: {
    request: Record<string, unknown>;
    transactionId: string;
    receipt: TransactionReceipt;
    record?: TransactionRecord;
  }): Record<string, unknown>;
  fromMirror(o: {
    request: Record<string, unknown>;
    transactionId: string;
    tx: MirrorTransaction;
    mirror: MirrorClient;
  }): Promise<Record<string, unknown>>;
}

const hex = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('hex');

export const operations: Record<LedgerOperationName, OperationSpec> = {
  ensureTopic: {
    build(request, { operatorKey }) {
      const r = request as unknown as EnsureTopicRequest;
      const control = controlKeyOf(request);
      const tx = new TopicCreateTransaction().setAdminKey(control ?? operatorKey.publicKey);
      if (r.topicMemo) tx.setTopicMemo(r.topicMemo);
      if (control) tx.setSubmitKey(control);
      else if (r.restrictSubmit) tx.setSubmitKey(operatorKey.publicKey);
      return tx;
    },
    fromRecord: ({ transactionId, receipt }) =>
      ({ topicId: receipt.topicId!.toString(), transactionId }) satisfies TopicResult,
    fromMirror: async ({ transactionId, tx }) =>
      ({ topicId: tx.entity_id!, transactionId }) satisfies TopicResult,
  },

  submitMessage: {
    build(request) {
      const r = request as unknown as SubmitMessageRequest;
      return new TopicMessageSubmitTransaction()
        .setTopicId(r.topicId)
        .setMessage(Buffer.from(r.message, 'base64'))
        .setMaxChunks(1);
    },
    fromRecord({ request, transactionId, receipt, record }) {
      return {
        topicId: (request as unknown as SubmitMessageRequest).topicId,
        sequenceNumber: Number(receipt.topicSequenceNumber?.toString()),
        consensusTimestamp: record!.consensusTimestamp.toString(),
        runningHash: hex(receipt.topicRunningHash),
        transactionId,
      } satisfies MessageResult;
    },
    async fromMirror({ request, transactionId, tx, mirror }) {
      const topicId = (request as unknown as SubmitMessageRequest).topicId;
      const message = await mirror.getTopicMessageAt(topicId, tx.consensus_timestamp);
      if (!message) throw new Error(`mirror has transaction ${transactionId} but not its topic message yet`);
      return {
        topicId,
        sequenceNumber: message.sequence_number,
        consensusTimestamp: message.consensus_timestamp,
        runningHash: Buffer.from(message.running_hash, 'base64').toString('hex'),
        transactionId,
      } satisfies MessageResult;
    },
  },

  createToken: {
    build(request, { client, operatorKey }) {
      const r = request as unknown as CreateTokenRequest;
      const control = controlKeyOf(request) ?? operatorKey.publicKey;
      const tx = new TokenCreateTransaction()
        .setTokenName(r.name)
        .setTokenSymbol(r.symbol)
        .setDecimals(r.decimals)
        .setInitialSupply(BigInt(r.initialSupply))
        .setTreasuryAccountId(client.operatorAccountId!)
        .setAdminKey(control)
        .setSupplyKey(control)
        .setAutoRenewAccountId(client.operatorAccountId!);
      if (r.maxSupply !== undefined) {
        tx.setSupplyType(TokenSupplyType.Finite).setMaxSupply(BigInt(r.maxSupply));
      }
      if (r.tokenMemo) tx.setTokenMemo(r.tokenMemo);
      return tx;
    },
    fromRecord: ({ transactionId, receipt }) =>
      ({ tokenId: receipt.tokenId!.toString(), transactionId }) satisfies TokenResult,
    fromMirror: async ({ transactionId, tx }) =>
      ({ tokenId: tx.entity_id!, transactionId }) satisfies TokenResult,
  },

  mint: {
    build(request) {
      const r = request as unknown as MintRequest;
      return new TokenMintTransaction().setTokenId(r.tokenId).setAmount(BigInt(r.amount));
    },
    fromRecord({ request, transactionId, receipt, record }) {
      const r = request as unknown as MintRequest;
      return {
        tokenId: r.tokenId,
        amount: r.amount,
        newTotalSupply: receipt.totalSupply?.toString(),
        consensusTimestamp: record?.consensusTimestamp.toString(),
        transactionId,
      } satisfies MintResult;
    },
    async fromMirror({ request, transactionId, tx }) {
      const r = request as unknown as MintRequest;
      return {
        tokenId: r.tokenId,
        amount: r.amount,
        consensusTimestamp: tx.consensus_timestamp,
        transactionId,
      } satisfies MintResult;
    },
  },
};
