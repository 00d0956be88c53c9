/** Mirror-node REST JSON shapes (field names as in Hedera's mirror node OpenAPI). */

import { entityIdString, mirrorTransactionIdString, timestampString } from './entity-id.ts';
import type { Account, Key, Token, Topic, TopicMessage, TxRecord } from './ledger-state.ts';
import { proto } from './proto.ts';
import { RUNNING_HASH_VERSION } from './running-hash.ts';

const BIG = '\u0000big:';

/** JSON.stringify that writes bigints as JSON numbers, as the mirror node does for int64 values. */
export function stringifyMirror(value: unknown): string {
  const text = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${BIG}${v}` : v));
  return text.replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

export function keyJson(key: Key | undefined): { _type: string; key: string } | null {
  if (!key) return null;
  if (key.ed25519?.length) return { _type: 'ED25519', key: Buffer.from(key.ed25519).toString('hex') };
  if (key.ECDSASecp256k1?.length) {
    return { _type: 'ECDSA_SECP256K1', key: Buffer.from(key.ECDSASecp256k1).toString('hex') };
  }
  return { _type: 'ProtobufEncoded', key: Buffer.from(proto.Key.encode(key).finish()).toString('hex') };
}

export function messageJson(m: TopicMessage, encoding: 'base64' | 'utf-8' = 'base64') {
  return {
    chunk_info: m.chunk
      ? {
          initial_transaction_id: {
            account_id: entityIdString(m.chunk.initialPayer),
            nonce: m.chunk.initialNonce,
            scheduled: m.chunk.initialScheduled,
            transaction_valid_start: timestampString(m.chunk.initialValidStartNs),
          },
          number: m.chunk.number,
          total: m.chunk.total,
        }
      : null,
    consensus_timestamp: timestampString(m.consensusNs),
    message: m.message.toString(encoding === 'utf-8' ? 'utf8' : 'base64'),
    payer_account_id: entityIdString(m.payer),
    running_hash: m.runningHash.toString('base64'),
    running_hash_version: Number(RUNNING_HASH_VERSION),
    sequence_number: m.sequenceNumber,
    topic_id: entityIdString(m.topicNum),
  };
}

/** A transaction as `/api/v1/transactions` lists it; `detail` adds what only the by-id form carries. */
export function transactionJson(r: TxRecord, detail = false) {
  return {
    ...(detail ? { assessed_custom_fees: [] } : {}),
    batch_key: null,
    bytes: null,
    charged_tx_fee: r.fee,
    consensus_timestamp: timestampString(r.consensusNs),
    entity_id: r.entityNum === undefined ? null : entityIdString(r.entityNum),
    high_volume: false,
    high_volume_pricing_multiplier: 0,
    max_custom_fees: [],
    max_fee: r.maxFee.toString(),
    memo_base64: Buffer.from(r.memo, 'utf8').toString('base64'),
    name: r.name,
    nft_transfers: [],
    node: entityIdString(r.node),
    nonce: r.nonce,
    parent_consensus_timestamp: null,
    result: r.status,
    scheduled: r.scheduled,
    staking_reward_transfers: [],
    token_transfers: r.tokenTransfers.map((t) => ({
      token_id: entityIdString(t.token),
      account: entityIdString(t.account),
      amount: t.amount,
      is_approval: false,
    })),
    transaction_hash: r.transactionHash.toString('base64'),
    transaction_id: mirrorTransactionIdString(r.payer, r.validStartNs),
    transfers: r.transfers.map((t) => ({
      account: entityIdString(t.account),
      amount: t.amount,
      is_approval: false,
    })),
    valid_duration_seconds: r.validDurationS.toString(),
    valid_start_timestamp: timestampString(r.validStartNs),
  };
}

export function tokenJson(t: Token) {
  return {
    admin_key: keyJson(t.adminKey),
    auto_renew_account: t.autoRenewAccount === undefined ? null : entityIdString(t.autoRenewAccount),
    auto_renew_period: t.autoRenewPeriodS ?? null,
    created_timestamp: timestampString(t.createdNs),
    custom_fees: { created_timestamp: timestampString(t.createdNs), fixed_fees: [], fractional_fees: [] },
    decimals: String(t.decimals),
    deleted: t.deleted,
    // In ns since the epoch, unlike other entities' expiry (a quirk of the mirror node's API).
    expiry_timestamp: t.expiryNs,
    fee_schedule_key: keyJson(t.feeScheduleKey),
    freeze_default: t.freezeDefault,
    freeze_key: keyJson(t.freezeKey),
    initial_supply: t.initialSupply.toString(),
    kyc_key: keyJson(t.kycKey),
    max_supply: t.maxSupply.toString(),
    metadata: t.metadata.toString('base64'),
    metadata_key: keyJson(t.metadataKey),
    memo: t.memo,
    modified_timestamp: timestampString(t.modifiedNs),
    name: t.name,
    pause_key: keyJson(t.pauseKey),
    pause_status: t.pauseKey ? 'UNPAUSED' : 'NOT_APPLICABLE',
    supply_key: keyJson(t.supplyKey),
    supply_type: t.supplyType,
    symbol: t.symbol,
    token_id: entityIdString(t.num),
    total_supply: t.totalSupply.toString(),
    treasury_account_id: entityIdString(t.treasury),
    type: 'FUNGIBLE_COMMON',
    wipe_key: keyJson(t.wipeKey),
  };
}

export function topicJson(t: Topic) {
  return {
    admin_key: keyJson(t.adminKey),
    auto_renew_account: t.autoRenewAccount === undefined ? null : entityIdString(t.autoRenewAccount),
    auto_renew_period: t.autoRenewPeriodS,
    created_timestamp: timestampString(t.createdNs),
    // HIP-991 fees are refused at precheck, so every topic has none.
    custom_fees: { created_timestamp: timestampString(t.createdNs), fixed_fees: [] },
    deleted: t.deleted,
    fee_exempt_key_list: [],
    fee_schedule_key: null,
    memo: t.memo,
    submit_key: keyJson(t.submitKey),
    timestamp: { from: timestampString(t.createdNs), to: null },
    topic_id: entityIdString(t.num),
  };
}

export function accountJson(a: Account, nowNs: bigint) {
  return {
    account: entityIdString(a.num),
    alias: null,
    auto_renew_period: a.autoRenewPeriodS,
    balance: {
      balance: a.balance,
      timestamp: timestampString(nowNs),
      tokens: [...a.tokens].map(([token, balance]) => ({ token_id: entityIdString(token), balance })),
    },
    created_timestamp: timestampString(a.createdNs),
    decline_reward: false,
    delegation_address: null,
    deleted: false,
    ethereum_nonce: 0,
    evm_address: `0x${a.num.toString(16).padStart(40, '0')}`,
    expiry_timestamp: timestampString(a.createdNs + a.autoRenewPeriodS * 1_000_000_000n),
    key: keyJson(a.key),
    max_automatic_token_associations: a.maxAutoAssociations,
    memo: a.memo,
    pending_reward: 0,
    receiver_sig_required: a.receiverSigRequired,
    staked_account_id: null,
    staked_node_id: null,
    stake_period_start: null,
  };
}
