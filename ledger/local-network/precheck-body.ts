/**
 * Per-transaction body checks Hedera makes at ingest ("pure checks": no state needed), so a malformed body
 * is answered synchronously with Hedera's status and charged no fee, instead of failing at consensus.
 * Checks that need state (does the account exist, did it sign) stay in the handlers.
 */
import { accountNumOf, toBig, tokenNumOf, topicNumOf } from './entity-id.ts';
import { MAX_INT64 } from './ledger-state.ts';
import { type HieroProto, proto, type StatusName } from './proto.ts';
import { isValidKey } from './signature-check.ts';

type Body = HieroProto.proto.TransactionBody;
type Check = (body: Body) => StatusName | undefined;
type AccountAmount = HieroProto.proto.IAccountAmount;

/** Hedera's `ledger.maxAutoAssociations` (the most an account may ask for). */
export const MAX_AUTO_ASSOCIATIONS = 5000;
const MAX_INT32 = 2_147_483_647;

const badKey = (key: HieroProto.proto.IKey | null | undefined) => !!key && !isValidKey(key);

/** Account ids present, none repeated, amounts summing to zero. */
function checkAmounts(
  list: AccountAmount[],
  zeroSum: 'INVALID_ACCOUNT_AMOUNTS' | 'TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN',
): StatusName | undefined {
  const seen = new Set<bigint>();
  let sum = 0n;
  for (const item of list) {
    const num = accountNumOf(item.accountID);
    if (num === undefined) return 'INVALID_ACCOUNT_ID';
    if (seen.has(num)) return 'ACCOUNT_REPEATED_IN_ACCOUNT_AMOUNTS';
    seen.add(num);
    sum += toBig(item.amount);
  }
  return sum === 0n ? undefined : zeroSum;
}

const CHECKS: Readonly<Record<string, Check>> = {
  cryptoTransfer(body) {
    const op = body.cryptoTransfer!;
    const hbar = checkAmounts(op.transfers?.accountAmounts ?? [], 'INVALID_ACCOUNT_AMOUNTS');
    if (hbar) return hbar;
    const tokens = new Set<bigint>();
    for (const list of op.tokenTransfers ?? []) {
      const num = tokenNumOf(list.token);
      if (num === undefined) return 'INVALID_TOKEN_ID';
      if (tokens.has(num)) return 'TOKEN_ID_REPEATED_IN_TOKEN_LIST';
      tokens.add(num);
      if ((list.transfers ?? []).length === 0 && (list.nftTransfers ?? []).length === 0) {
        return 'EMPTY_TOKEN_TRANSFER_ACCOUNT_AMOUNTS';
      }
      const status = checkAmounts(list.transfers ?? [], 'TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN');
      if (status) return status;
    }
    return undefined;
  },
  cryptoCreateAccount(body) {
    const op = body.cryptoCreateAccount!;
    if (!op.key) return 'KEY_REQUIRED';
    if (!isValidKey(op.key)) return 'BAD_ENCODING';
    if (toBig(op.initialBalance) < 0n) return 'INVALID_INITIAL_BALANCE';
    if (!op.autoRenewPeriod) return 'INVALID_RENEWAL_PERIOD';
    if (toBig(op.sendRecordThreshold) < 0n) return 'INVALID_SEND_RECORD_THRESHOLD';
    if (toBig(op.receiveRecordThreshold) < 0n) return 'INVALID_RECEIVE_RECORD_THRESHOLD';
    const max = op.maxAutomaticTokenAssociations ?? 0;
    if (max < -1) return 'INVALID_MAX_AUTO_ASSOCIATIONS';
    if (max > MAX_AUTO_ASSOCIATIONS) return 'REQUESTED_NUM_AUTOMATIC_ASSOCIATIONS_EXCEEDS_ASSOCIATION_LIMIT';
    return undefined;
  },
  consensusCreateTopic(body) {
    const op = body.consensusCreateTopic!;
    return badKey(op.adminKey) || badKey(op.submitKey) ? 'BAD_ENCODING' : undefined;
  },
  consensusUpdateTopic: (body) =>
    topicNumOf(body.consensusUpdateTopic!.topicID) ? undefined : 'INVALID_TOPIC_ID',
  consensusDeleteTopic: (body) =>
    topicNumOf(body.consensusDeleteTopic!.topicID) ? undefined : 'INVALID_TOPIC_ID',
  consensusSubmitMessage(body) {
    const op = body.consensusSubmitMessage!;
    if (!topicNumOf(op.topicID)) return 'INVALID_TOPIC_ID';
    if ((op.message ?? []).length === 0) return 'INVALID_TOPIC_MESSAGE';
    return undefined;
  },
  tokenCreation(body) {
    const op = body.tokenCreation!;
    if (accountNumOf(op.treasury) === undefined) return 'INVALID_TREASURY_ACCOUNT_FOR_TOKEN';
    const decimals = op.decimals ?? 0;
    if (decimals < 0 || decimals > MAX_INT32) return 'INVALID_TOKEN_DECIMALS';
    const initialSupply = toBig(op.initialSupply);
    if (initialSupply < 0n || initialSupply > MAX_INT64) return 'INVALID_TOKEN_INITIAL_SUPPLY';
    const supplyType = op.supplyType ?? 0;
    if (supplyType !== proto.TokenSupplyType.INFINITE && supplyType !== proto.TokenSupplyType.FINITE) {
      return 'NOT_SUPPORTED';
    }
    const finite = supplyType === proto.TokenSupplyType.FINITE;
    const maxSupply = toBig(op.maxSupply);
    if (finite ? maxSupply <= 0n : maxSupply !== 0n) return 'INVALID_TOKEN_MAX_SUPPLY';
    if (finite && initialSupply > maxSupply) return 'INVALID_TOKEN_INITIAL_SUPPLY';
    if (badKey(op.adminKey)) return 'INVALID_ADMIN_KEY';
    if (badKey(op.supplyKey)) return 'INVALID_SUPPLY_KEY';
    if (badKey(op.kycKey)) return 'INVALID_KYC_KEY';
    if (badKey(op.freezeKey)) return 'INVALID_FREEZE_KEY';
    if (badKey(op.wipeKey)) return 'INVALID_WIPE_KEY';
    if (badKey(op.pauseKey)) return 'INVALID_PAUSE_KEY';
    if (badKey(op.feeScheduleKey)) return 'INVALID_CUSTOM_FEE_SCHEDULE_KEY';
    if (badKey(op.metadataKey)) return 'INVALID_METADATA_KEY';
    if (op.freezeDefault && !op.freezeKey) return 'TOKEN_HAS_NO_FREEZE_KEY';
    return undefined;
  },
  tokenMint(body) {
    const op = body.tokenMint!;
    if (tokenNumOf(op.token) === undefined) return 'INVALID_TOKEN_ID';
    if (toBig(op.amount) < 0n) return 'INVALID_TOKEN_MINT_AMOUNT';
    return undefined;
  },
  tokenAssociate(body) {
    const op = body.tokenAssociate!;
    if (accountNumOf(op.account) === undefined) return 'INVALID_ACCOUNT_ID';
    const seen = new Set<bigint>();
    for (const id of op.tokens ?? []) {
      const num = tokenNumOf(id);
      if (num === undefined) return 'INVALID_TOKEN_ID';
      if (seen.has(num)) return 'TOKEN_ID_REPEATED_IN_TOKEN_LIST';
      seen.add(num);
    }
    return undefined;
  },
  tokenDeletion: (body) =>
    tokenNumOf(body.tokenDeletion!.token) === undefined ? 'INVALID_TOKEN_ID' : undefined,
};

/** The status Hedera answers at ingest for a malformed body of a simulated kind, or undefined. */
export function precheckBody(kind: string, body: Body): StatusName | undefined {
  return CHECKS[kind]?.(body);
}
