/**
 * TokenService transactions: createToken (fungible), mintToken, associateTokens, deleteToken. Body checks
 * Hedera makes at ingest (decimals, supply ranges, key shapes, required ids) are in precheck-body.ts.
 */
import { accountNumOf, timestampNs, toBig, tokenNumOf } from './entity-id.ts';
import { fail, type HandleContext, MAX_MEMO_BYTES, type Outcome, utf8Length } from './handle-context.ts';
import { MAX_INT64, type Token } from './ledger-state.ts';
import { proto, type StatusName } from './proto.ts';

const MIN_AUTO_RENEW_S = 2_592_000n; // 30 days, Hedera's ledger.autoRenewPeriod.minDuration
const MAX_AUTO_RENEW_S = 8_000_001n;
const NS = 1_000_000_000n;
const TOKEN_KEYS = ['kycKey', 'freezeKey', 'wipeKey', 'pauseKey', 'feeScheduleKey', 'metadataKey'] as const;

export function createToken(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.tokenCreation!;
  const name = op.name ?? '';
  const symbol = op.symbol ?? '';
  if (!name) return fail('MISSING_TOKEN_NAME');
  if (utf8Length(name) > MAX_MEMO_BYTES) return fail('TOKEN_NAME_TOO_LONG');
  if (!symbol) return fail('MISSING_TOKEN_SYMBOL');
  if (utf8Length(symbol) > MAX_MEMO_BYTES) return fail('TOKEN_SYMBOL_TOO_LONG');
  if (utf8Length(op.memo ?? '') > MAX_MEMO_BYTES) return fail('MEMO_TOO_LONG');
  const initialSupply = toBig(op.initialSupply);
  const finite = (op.supplyType ?? 0) === proto.TokenSupplyType.FINITE;
  const maxSupply = toBig(op.maxSupply);
  const treasuryNum = accountNumOf(op.treasury);
  const treasury = treasuryNum === undefined ? undefined : ctx.state.accounts.get(treasuryNum);
  if (!treasury) return fail('INVALID_TREASURY_ACCOUNT_FOR_TOKEN');
  const autoRenewPeriodS = op.autoRenewPeriod ? toBig(op.autoRenewPeriod.seconds) : undefined;
  if (
    autoRenewPeriodS !== undefined &&
    (autoRenewPeriodS < MIN_AUTO_RENEW_S || autoRenewPeriodS > MAX_AUTO_RENEW_S)
  ) {
    return fail('INVALID_RENEWAL_PERIOD');
  }
  let autoRenewAccount: bigint | undefined;
  if (op.autoRenewAccount) {
    autoRenewAccount = accountNumOf(op.autoRenewAccount);
    const account = autoRenewAccount === undefined ? undefined : ctx.state.accounts.get(autoRenewAccount);
    if (!account) return fail('INVALID_AUTORENEW_ACCOUNT');
    if (!ctx.sigs.satisfies(account.key)) return fail('INVALID_SIGNATURE');
  }
  // An explicit expiry wins; otherwise the token lives one auto-renew period (as on Hedera).
  const expiryNs = op.expiry
    ? timestampNs(op.expiry)
    : autoRenewPeriodS !== undefined
      ? ctx.consensusNs + autoRenewPeriodS * NS
      : undefined;
  if (expiryNs === undefined || expiryNs <= ctx.consensusNs) return fail('INVALID_EXPIRATION_TIME');
  if (!ctx.sigs.satisfies(treasury.key)) return fail('INVALID_SIGNATURE');
  if (op.adminKey && !ctx.sigs.satisfies(op.adminKey)) return fail('INVALID_SIGNATURE');
  const num = ctx.state.allocateEntityNum();
  const token: Token = {
    num,
    name,
    symbol,
    decimals: op.decimals ?? 0,
    initialSupply,
    totalSupply: initialSupply,
    maxSupply,
    supplyType: finite ? 'FINITE' : 'INFINITE',
    treasury: treasury.num,
    freezeDefault: op.freezeDefault ?? false,
    expiryNs,
    metadata: Buffer.from(op.metadata ?? new Uint8Array()),
    memo: op.memo ?? '',
    deleted: false,
    createdNs: ctx.consensusNs,
    modifiedNs: ctx.consensusNs,
  };
  if (op.adminKey) token.adminKey = op.adminKey;
  if (op.supplyKey) token.supplyKey = op.supplyKey;
  for (const k of TOKEN_KEYS) if (op[k]) token[k] = op[k];
  if (autoRenewAccount !== undefined) token.autoRenewAccount = autoRenewAccount;
  if (autoRenewPeriodS !== undefined) token.autoRenewPeriodS = autoRenewPeriodS;
  ctx.state.tokens.set(num, token);
  ctx.state.associate(treasury, token, false);
  treasury.tokens.set(num, initialSupply);
  return {
    status: 'SUCCESS',
    entityNum: num,
    receipt: { tokenNum: num },
    tokenTransfers: initialSupply > 0n ? [{ token: num, account: treasury.num, amount: initialSupply }] : [],
  };
}

/** A token that exists and is not deleted, or the status Hedera gives. */
export function liveToken(ctx: HandleContext, id: Parameters<typeof tokenNumOf>[0]): Token | StatusName {
  const num = tokenNumOf(id);
  const token = num === undefined ? undefined : ctx.state.tokens.get(num);
  if (!token) return 'INVALID_TOKEN_ID';
  return token.deleted ? 'TOKEN_WAS_DELETED' : token;
}

export function mintToken(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.tokenMint!;
  const token = liveToken(ctx, op.token);
  if (typeof token === 'string') return fail(token);
  if (!token.supplyKey) return fail('TOKEN_HAS_NO_SUPPLY_KEY', token.num);
  if (!ctx.sigs.satisfies(token.supplyKey)) return fail('INVALID_SIGNATURE', token.num);
  // Negative amounts are refused at precheck; 0 is a valid no-op mint, as on Hedera.
  const amount = toBig(op.amount);
  const newSupply = token.totalSupply + amount;
  if (token.supplyType === 'FINITE' && newSupply > token.maxSupply) {
    return fail('TOKEN_MAX_SUPPLY_REACHED', token.num);
  }
  if (newSupply > MAX_INT64) return fail('INVALID_TOKEN_MINT_AMOUNT', token.num);
  const treasury = ctx.state.accounts.get(token.treasury)!;
  token.totalSupply = newSupply;
  token.modifiedNs = ctx.consensusNs;
  treasury.tokens.set(token.num, (treasury.tokens.get(token.num) ?? 0n) + amount);
  return {
    status: 'SUCCESS',
    entityNum: token.num,
    receipt: { newTotalSupply: newSupply },
    tokenTransfers: amount > 0n ? [{ token: token.num, account: treasury.num, amount }] : [],
  };
}

export function associateTokens(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.tokenAssociate!;
  const accountNum = accountNumOf(op.account);
  const account = accountNum === undefined ? undefined : ctx.state.accounts.get(accountNum);
  if (!account) return fail('INVALID_ACCOUNT_ID');
  const tokens: Token[] = [];
  for (const id of op.tokens ?? []) {
    const token = liveToken(ctx, id);
    if (typeof token === 'string') return fail(token, account.num);
    tokens.push(token);
  }
  if (!ctx.sigs.satisfies(account.key)) return fail('INVALID_SIGNATURE', account.num);
  if (tokens.some((t) => account.tokens.has(t.num))) {
    return fail('TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT', account.num);
  }
  for (const token of tokens) ctx.state.associate(account, token, false);
  return { status: 'SUCCESS', entityNum: account.num };
}

export function deleteToken(ctx: HandleContext): Outcome {
  const token = liveToken(ctx, ctx.tx.body.tokenDeletion!.token);
  if (typeof token === 'string') return fail(token);
  if (!token.adminKey) return fail('TOKEN_IS_IMMUTABLE', token.num);
  if (!ctx.sigs.satisfies(token.adminKey)) return fail('INVALID_SIGNATURE', token.num);
  token.deleted = true;
  token.modifiedNs = ctx.consensusNs;
  return { status: 'SUCCESS', entityNum: token.num };
}
