/**
 * Decodes a `Transaction` as the SDK sends it (signedTransactionBytes → SignedTransaction → body bytes +
 * SignatureMap; the deprecated bodyBytes/sigMap fields are accepted too).
 */
import { createHash } from 'node:crypto';
import { accountNumOf, timestampNs } from './entity-id.ts';
import { type HieroProto, proto, type StatusName } from './proto.ts';

export interface DecodedTransaction {
  transactionBytes: Buffer;
  bodyBytes: Uint8Array;
  body: HieroProto.proto.TransactionBody;
  sigPairs: HieroProto.proto.ISignaturePair[];
  /** Name of the TransactionBody `data` oneof, e.g. 'consensusSubmitMessage'. */
  kind: string;
  payer: bigint;
  validStartNs: bigint;
  nonce: number;
  scheduled: boolean;
  /** SHA-384 of the signed transaction bytes: the hash the SDK reports and the mirror node shows. */
  transactionHash: Buffer;
}

/** Hedera's limit on a transaction's serialized size. */
export const MAX_TRANSACTION_BYTES = 6144;

export function decodeTransaction(bytes: Buffer): DecodedTransaction | StatusName {
  if (bytes.length > MAX_TRANSACTION_BYTES) return 'TRANSACTION_OVERSIZE';
  let bodyBytes: Uint8Array;
  let sigPairs: HieroProto.proto.ISignaturePair[];
  let hashed: Uint8Array;
  try {
    const tx = proto.Transaction.decode(bytes);
    if (tx.signedTransactionBytes?.length) {
      const signed = proto.SignedTransaction.decode(tx.signedTransactionBytes);
      bodyBytes = signed.bodyBytes;
      sigPairs = signed.sigMap?.sigPair ?? [];
      hashed = tx.signedTransactionBytes;
    } else {
      bodyBytes = tx.bodyBytes;
      sigPairs = tx.sigMap?.sigPair ?? [];
      hashed = bytes;
    }
  } catch {
    return 'INVALID_TRANSACTION';
  }
  if (!bodyBytes?.length) return 'INVALID_TRANSACTION_BODY';
  let body: HieroProto.proto.TransactionBody;
  try {
    body = proto.TransactionBody.decode(bodyBytes);
  } catch {
    return 'INVALID_TRANSACTION_BODY';
  }
  const id = body.transactionID;
  const payer = accountNumOf(id?.accountID);
  if (!id || payer === undefined || !id.transactionValidStart) return 'INVALID_TRANSACTION_ID';
  const kind = body.data;
  if (!kind) return 'INVALID_TRANSACTION_BODY';
  return {
    transactionBytes: bytes,
    bodyBytes,
    body,
    sigPairs,
    kind,
    payer,
    validStartNs: timestampNs(id.transactionValidStart),
    nonce: id.nonce ?? 0,
    scheduled: id.scheduled ?? false,
    transactionHash: createHash('sha384').update(hashed).digest(),
  };
}
