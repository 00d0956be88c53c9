/**
 * The one table of what the local network simulates. Everything a Hedera client can send that is not
 * listed here as simulated is refused at precheck (NOT_SUPPORTED, or the status Hedera gives for that
 * field) and never reaches consensus, so code that depends on it fails locally as it would differ on a
 * real network. The README's "Not simulated" section is rendered from this table (render-not-simulated.ts).
 */
import { proto, type StatusName } from './proto.ts';

/** A field that, when set, makes the transaction (or query) refused at precheck. */
export interface RefusedField {
  /** Dotted path in the body; `[]` descends into every element of a list, e.g. `tokenTransfers[].nftTransfers`. */
  path: string;
  status: StatusName;
  /** The Hedera feature this field belongs to, as the README names it. */
  feature: string;
}

export interface SimulatedTransaction {
  /** What the README calls it. */
  title: string;
  refused: readonly RefusedField[];
}

const notSupported = (feature: string, ...paths: string[]): RefusedField[] =>
  paths.map((path) => ({ path, status: 'NOT_SUPPORTED', feature }));

const TOPIC_FEES = notSupported(
  'HIP-991 topic custom fees',
  'feeScheduleKey',
  'feeExemptKeyList',
  'customFees',
);

/** TransactionBody `data` kinds that reach consensus here, with the fields they refuse. */
export const SIMULATED_TRANSACTIONS: Readonly<Record<string, SimulatedTransaction>> = {
  consensusCreateTopic: { title: 'ConsensusCreateTopic', refused: TOPIC_FEES },
  consensusUpdateTopic: { title: 'ConsensusUpdateTopic', refused: TOPIC_FEES },
  consensusDeleteTopic: { title: 'ConsensusDeleteTopic', refused: [] },
  consensusSubmitMessage: { title: 'ConsensusSubmitMessage', refused: [] },
  cryptoCreateAccount: {
    title: 'CryptoCreate',
    refused: [
      ...notSupported('account aliases and EVM addresses', 'alias'),
      ...notSupported('staking', 'stakedAccountId', 'stakedNodeId', 'declineReward'),
      ...notSupported('hooks', 'hookCreationDetails'),
      ...notSupported('shards and realms', 'newRealmAdminKey'),
      { path: 'proxyAccountID', status: 'PROXY_ACCOUNT_ID_FIELD_IS_DEPRECATED', feature: 'proxy staking' },
    ],
  },
  cryptoTransfer: {
    title: 'CryptoTransfer',
    refused: [
      ...notSupported('NFTs', 'tokenTransfers[].nftTransfers'),
      ...notSupported(
        'allowances',
        'transfers.accountAmounts[].isApproval',
        'tokenTransfers[].transfers[].isApproval',
      ),
      ...notSupported(
        'hooks',
        'transfers.accountAmounts[].preTxAllowanceHook',
        'transfers.accountAmounts[].prePostTxAllowanceHook',
        'tokenTransfers[].transfers[].preTxAllowanceHook',
        'tokenTransfers[].transfers[].prePostTxAllowanceHook',
      ),
    ],
  },
  tokenCreation: {
    title: 'TokenCreate (fungible)',
    refused: [
      // FUNGIBLE_COMMON is 0, so a set tokenType is NON_FUNGIBLE_UNIQUE.
      ...notSupported('NFTs', 'tokenType'),
      ...notSupported('token custom fees', 'customFees'),
    ],
  },
  tokenMint: { title: 'TokenMint (fungible)', refused: notSupported('NFTs', 'metadata') },
  tokenAssociate: { title: 'TokenAssociate', refused: [] },
  tokenDeletion: { title: 'TokenDelete', refused: [] },
};

/** TransactionBody fields outside `data` that no simulated transaction may carry. */
export const REFUSED_BODY_FIELDS: readonly RefusedField[] = [
  ...notSupported('atomic batch transactions', 'batchKey'),
  ...notSupported('HIP-991 topic custom fees', 'maxCustomFees'),
];

export interface SimulatedQuery {
  title: string;
  /** Free queries answer COST_ANSWER with 0 and need no payment. */
  free: boolean;
}

/** Query kinds answered here; every other kind answers NOT_SUPPORTED in its own response field. */
export const SIMULATED_QUERIES: Readonly<Record<string, SimulatedQuery>> = {
  transactionGetReceipt: { title: 'TransactionGetReceipt', free: true },
  cryptogetAccountBalance: { title: 'CryptoGetAccountBalance', free: true },
  transactionGetRecord: { title: 'TransactionGetRecord', free: false },
  cryptoGetAccountRecords: { title: 'CryptoGetAccountRecords', free: false },
  cryptoGetInfo: { title: 'CryptoGetInfo', free: false },
  consensusGetTopicInfo: { title: 'ConsensusGetTopicInfo', free: false },
  tokenGetInfo: { title: 'TokenGetInfo', free: false },
};

/** Behaviour no field or body can ask for, hence nothing to refuse; listed in the README. */
export const NOT_SIMULATED_BEHAVIOUR: readonly string[] = [
  'Multiple nodes, gossip and real consensus rounds (consensus is immediate)',
  'Throttles other than injected `BUSY`',
  'Fees that depend on size, signatures or duration; exchange-rate files',
  'Entity expiry and auto-renewal charging (expiry and auto-renew period are stored and reported only)',
  'Account aliases and EVM addresses beyond the long-zero form',
  'The operations behind freeze/KYC/wipe/pause/fee-schedule/metadata keys (the keys are stored and reported, and an account associated with a token that has a KYC key is not granted KYC, or with `freezeDefault` is frozen)',
  'TLS on 50212; state proofs; child records; duplicate receipts (one node never reaches consensus on a duplicate)',
  'A transaction with `delayConsensusPastValidWindow` gets a normal, current consensus timestamp (only its outcome is that of a late arrival)',
];

/** Non-`data` fields of TransactionBody (the header), in the proto's own order. */
const BODY_HEADER = new Set([
  'transactionID',
  'nodeAccountID',
  'transactionFee',
  'transactionValidDuration',
  'generateRecord',
  'memo',
  'batchKey',
  'maxCustomFees',
]);

/** Every `data` kind TransactionBody can carry (from the proto classes the SDK bundles). */
export function allTransactionKinds(): string[] {
  return Object.keys(proto.TransactionBody.prototype).filter((k) => !BODY_HEADER.has(k) && k !== 'data');
}

/** Every Query kind. */
export function allQueryKinds(): string[] {
  return Object.keys(proto.Query.prototype).filter((k) => k !== 'query');
}

const RESPONSE_FIELD_OVERRIDES: Readonly<Record<string, string>> = {
  contractGetBytecode: 'contractGetBytecodeResponse',
  ContractGetRecords: 'contractGetRecordsResponse',
};

/** The Response oneof field that answers a Query kind (the SDK reads the answer there). */
export function responseFieldOf(queryKind: string): string {
  return RESPONSE_FIELD_OVERRIDES[queryKind] ?? queryKind;
}

/** True when a decoded proto value counts as "set" (protobufjs decodes absent fields to defaults). */
function isSet(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && 'low' in v && 'high' in v) return !(v.low === 0 && v.high === 0);
  // A message counts when any of its fields does: an empty list wrapper (`{ keys: [] }`) asks for nothing
  // beyond what is simulated (on an update it clears a list that is always empty here).
  return typeof v === 'object' && Object.values(v).some(isSet);
}

/** Whether `path` is set anywhere in `value` (see RefusedField.path). */
export function fieldIsSet(value: unknown, path: string): boolean {
  const [head, ...rest] = path.split('.');
  if (value === null || value === undefined || typeof value !== 'object' || !head) return false;
  const many = head.endsWith('[]');
  const child = (value as Record<string, unknown>)[many ? head.slice(0, -2) : head];
  if (rest.length === 0) return isSet(child);
  if (many) return Array.isArray(child) && child.some((item) => fieldIsSet(item, rest.join('.')));
  return fieldIsSet(child, rest.join('.'));
}

/** The first refused field set in a body, or undefined when the body is within what is simulated. */
export function refusedFieldIn(body: unknown, refused: readonly RefusedField[]): RefusedField | undefined {
  return refused.find((f) => fieldIsSet(body, f.path));
}
