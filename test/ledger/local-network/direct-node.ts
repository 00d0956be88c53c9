/**
 * A ConsensusNode driven directly (no gRPC), with transactions built and signed exactly as the SDK would
 * send them: for tests of the network's rules, which need bodies the SDK refuses to build.
 */
import { PrivateKey } from '@hashgraph/sdk';
import { expect } from 'vitest';
import { answerQuery } from '../../../ledger/local-network/answer-query.ts';
import { ConsensusNode } from '../../../ledger/local-network/consensus-node.ts';
import { memoryEventLog } from '../../../ledger/local-network/event-log.ts';
import { PAID_QUERY_COST } from '../../../ledger/local-network/fee-schedule.ts';
import { LOCAL_NODE_GENESIS_KEY } from '../../../ledger/local-network/index.ts';
import { proto } from '../../../ledger/local-network/proto.ts';

export const genesis = PrivateKey.fromStringDer(LOCAL_NODE_GENESIS_KEY);
export const account = (n: number | bigint) => ({ accountNum: Number(n) });
/** A fresh Ed25519 public key as a Hedera Key. */
export const key32 = () => ({ ed25519: PrivateKey.generateED25519().publicKey.toBytesRaw() });
/** A private key as the Hedera Key of its public half (ed25519 or ECDSA secp256k1, compressed). */
export const keyOf = (k: PrivateKey) =>
  k.type === 'ED25519' ? { ed25519: k.publicKey.toBytesRaw() } : { ECDSASecp256k1: k.publicKey.toBytesRaw() };

export interface SignOptions {
  /** More TransactionBody fields (beside the transaction kind's). */
  extra?: Record<string, unknown>;
  /** Who signs; the genesis key (payer 0.0.2) unless given. */
  signers?: PrivateKey[];
  payer?: number | bigint;
}

export function directNode() {
  const node = new ConsensusNode({
    nodeAccount: 3n,
    genesisKey: { ed25519: genesis.publicKey.toBytesRaw() },
    nowNs: () => BigInt(Date.now()) * 1_000_000n,
    log: memoryEventLog(),
  });
  let nonce = 0;

  /** A Transaction carrying `data`, signed by `signers` over its exact body bytes. */
  function signed(data: Record<string, unknown>, options: SignOptions = {}): Buffer {
    const bodyBytes = proto.TransactionBody.encode({
      transactionID: {
        accountID: account(options.payer ?? 2),
        // A distinct valid start per transaction, so none is a duplicate of another.
        transactionValidStart: { seconds: Math.floor(Date.now() / 1000) - 5, nanos: ++nonce },
      },
      nodeAccountID: account(3),
      transactionFee: 100_000_000_000,
      transactionValidDuration: { seconds: 120 },
      ...options.extra,
      ...data,
    } as never).finish();
    const sigPair = (options.signers ?? [genesis]).map((k) => ({
      pubKeyPrefix: k.publicKey.toBytesRaw(),
      [k.type === 'ED25519' ? 'ed25519' : 'ECDSASecp256k1']: k.sign(bodyBytes),
    }));
    const signedTransactionBytes = proto.SignedTransaction.encode({
      bodyBytes,
      sigMap: { sigPair },
    }).finish();
    return Buffer.from(proto.Transaction.encode({ signedTransactionBytes }).finish());
  }

  /** Precheck through submit(), checking that a refusal leaves no record and charges no fee. */
  function precheck(bytes: Buffer): string {
    const records = node.state.records.length;
    const balance = node.state.accounts.get(2n)!.balance;
    const result = node.submit(bytes);
    if (result.precheck !== 'OK') {
      expect(node.state.records.length).toBe(records);
      expect(node.state.accounts.get(2n)!.balance).toBe(balance);
      return result.precheck;
    }
    return `OK/${result.record.status}`;
  }

  /** Submits and answers the consensus status (or the precheck refusal) and the entity it made or named. */
  function run(data: Record<string, unknown>, options?: SignOptions): { status: string; num?: bigint } {
    const result = node.submit(signed(data, options));
    if (result.precheck !== 'OK') return { status: result.precheck };
    return { status: result.record.status, num: result.record.entityNum };
  }

  /** A query payment: a transfer of `amount` tinybars from the payer to the node, as a decoded Transaction. */
  function payment(amount = Number(PAID_QUERY_COST), options: SignOptions = {}) {
    const payer = account(options.payer ?? 2);
    const accountAmounts = [
      { accountID: payer, amount: -amount },
      { accountID: account(3), amount },
    ];
    return proto.Transaction.decode(signed({ cryptoTransfer: { transfers: { accountAmounts } } }, options));
  }

  /** A Query answered by the node, decoded; `field` is the response field of its kind. */
  function query(q: Record<string, unknown>) {
    const response = proto.Response.decode(
      answerQuery(node, Buffer.from(proto.Query.encode(q as never).finish())),
    );
    const field = response.response!;
    const answer = (response as unknown as Record<string, Record<string, unknown>>)[field]!;
    const header = answer.header as { nodeTransactionPrecheckCode?: number } | undefined;
    return { field, status: proto.ResponseCodeEnum[header?.nodeTransactionPrecheckCode ?? 0], answer };
  }

  return { node, signed, precheck, run, payment, query };
}

type Pair = { ed25519?: Uint8Array | null; ECDSASecp256k1?: Uint8Array | null };

/** The same signed transaction with its signature pairs edited (the body bytes are untouched). */
export function mangledSignatures(bytes: Buffer, edit: (pairs: Pair[]) => void): Buffer {
  const tx = proto.Transaction.decode(bytes);
  const inner = proto.SignedTransaction.decode(tx.signedTransactionBytes);
  const pairs = (inner.sigMap?.sigPair ?? []) as Pair[];
  edit(pairs);
  const signedTransactionBytes = proto.SignedTransaction.encode(inner).finish();
  return Buffer.from(proto.Transaction.encode({ signedTransactionBytes }).finish());
}
