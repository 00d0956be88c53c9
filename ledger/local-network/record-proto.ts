/** Converts stored records into the protobuf receipts and records the SDK reads. */

import { accountIdProto, int64, timestampProto, tokenIdProto, topicIdProto } from './entity-id.ts';
import { EXCHANGE_RATE } from './fee-schedule.ts';
import type { TxRecord } from './ledger-state.ts';
import { type HieroProto, proto } from './proto.ts';
import { RUNNING_HASH_VERSION } from './running-hash.ts';

const NS = 1_000_000_000n;

export function exchangeRateSet(nowNs: bigint): HieroProto.proto.IExchangeRateSet {
  const hour = 3600n;
  const expires = (nowNs / NS / hour + 1n) * hour;
  const rate = (at: bigint) => ({ ...EXCHANGE_RATE, expirationTime: { seconds: int64(at) } });
  return { currentRate: rate(expires), nextRate: rate(expires + hour) };
}

export function transactionIdProto(record: Pick<TxRecord, 'payer' | 'validStartNs' | 'nonce' | 'scheduled'>) {
  return {
    accountID: accountIdProto(record.payer),
    transactionValidStart: timestampProto(record.validStartNs),
    scheduled: record.scheduled,
    nonce: record.nonce,
  };
}

export function receiptProto(record: TxRecord): HieroProto.proto.ITransactionReceipt {
  const r = record.receipt;
  const receipt: HieroProto.proto.ITransactionReceipt = {
    status: proto.ResponseCodeEnum[record.status],
    exchangeRate: exchangeRateSet(record.consensusNs),
  };
  if (r.accountNum !== undefined) receipt.accountID = accountIdProto(r.accountNum);
  if (r.topicNum !== undefined) receipt.topicID = topicIdProto(r.topicNum);
  if (r.tokenNum !== undefined) receipt.tokenID = tokenIdProto(r.tokenNum);
  if (r.topicSequenceNumber !== undefined) {
    receipt.topicSequenceNumber = int64(r.topicSequenceNumber);
    receipt.topicRunningHash = r.topicRunningHash ?? null;
    receipt.topicRunningHashVersion = int64(RUNNING_HASH_VERSION);
  }
  if (r.newTotalSupply !== undefined) receipt.newTotalSupply = int64(r.newTotalSupply);
  return receipt;
}

export function recordProto(record: TxRecord): HieroProto.proto.ITransactionRecord {
  const byToken = new Map<bigint, HieroProto.proto.IAccountAmount[]>();
  for (const t of record.tokenTransfers) {
    const list = byToken.get(t.token) ?? [];
    list.push({ accountID: accountIdProto(t.account), amount: int64(t.amount) });
    byToken.set(t.token, list);
  }
  return {
    receipt: receiptProto(record),
    transactionHash: record.transactionHash,
    consensusTimestamp: timestampProto(record.consensusNs),
    transactionID: transactionIdProto(record),
    memo: record.memo,
    transactionFee: int64(record.fee),
    transferList: {
      accountAmounts: record.transfers.map((t) => ({
        accountID: accountIdProto(t.account),
        amount: int64(t.amount),
      })),
    },
    tokenTransferLists: [...byToken].map(([token, transfers]) => ({ token: tokenIdProto(token), transfers })),
    automaticTokenAssociations: (record.automaticAssociations ?? []).map((a) => ({
      tokenId: tokenIdProto(a.token),
      accountId: accountIdProto(a.account),
    })),
  };
}
