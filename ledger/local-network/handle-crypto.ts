/** CryptoService transactions: createAccount, cryptoTransfer (hbar and fungible token transfers). */
import { accountNumOf, toBig } from './entity-id.ts';
import { fail, type HandleContext, MAX_MEMO_BYTES, type Outcome, utf8Length } from './handle-context.ts';
import { liveToken } from './handle-token.ts';
import { type Account, newRelation, type Token, type TokenTransfer, type Transfer } from './ledger-state.ts';
import type { StatusName } from './proto.ts';

const MIN_AUTO_RENEW_S = 2_592_000n; // Hedera's ledger.autoRenewPeriod.minDuration (30 days)
const MAX_AUTO_RENEW_S = 8_000_001n;

export function createAccount(ctx: HandleContext): Outcome {
  // The key, balance and association range were checked at precheck (precheck-body.ts).
  const op = ctx.tx.body.cryptoCreateAccount!;
  const key = op.key!;
  if (utf8Length(op.memo ?? '') > MAX_MEMO_BYTES) return fail('MEMO_TOO_LONG');
  const autoRenewPeriodS = toBig(op.autoRenewPeriod?.seconds);
  if (autoRenewPeriodS < MIN_AUTO_RENEW_S || autoRenewPeriodS > MAX_AUTO_RENEW_S) {
    return fail('AUTORENEW_DURATION_NOT_IN_RANGE');
  }
  const initialBalance = toBig(op.initialBalance);
  const payer = ctx.state.accounts.get(ctx.tx.payer)!;
  if (payer.balance < initialBalance) return fail('INSUFFICIENT_PAYER_BALANCE');
  if (op.receiverSigRequired && !ctx.sigs.satisfies(key)) return fail('INVALID_SIGNATURE');
  const num = ctx.state.allocateEntityNum();
  payer.balance -= initialBalance;
  ctx.state.accounts.set(num, {
    num,
    key,
    balance: initialBalance,
    tokens: new Map(),
    relations: new Map(),
    memo: op.memo ?? '',
    receiverSigRequired: op.receiverSigRequired ?? false,
    maxAutoAssociations: op.maxAutomaticTokenAssociations ?? 0,
    usedAutoAssociations: 0,
    autoRenewPeriodS,
    createdNs: ctx.consensusNs,
  });
  const transfers: Transfer[] =
    initialBalance > 0n
      ? [
          { account: payer.num, amount: -initialBalance },
          { account: num, amount: initialBalance },
        ]
      : [];
  return { status: 'SUCCESS', entityNum: num, receipt: { accountNum: num }, transfers };
}

type Movement = { account: Account; amount: bigint };

/**
 * Resolves one list of account amounts to known accounts and checks the senders' signatures. Repeats and
 * sums were refused at precheck (precheck-body.ts).
 */
function movements(
  ctx: HandleContext,
  list: { accountID?: unknown; amount?: unknown; isApproval?: boolean | null }[],
): Movement[] | Outcome {
  const out: Movement[] = [];
  for (const item of list) {
    const num = accountNumOf(item.accountID as Parameters<typeof accountNumOf>[0]);
    const account = num === undefined ? undefined : ctx.state.accounts.get(num);
    if (!account) return fail('INVALID_ACCOUNT_ID');
    out.push({ account, amount: toBig(item.amount as Parameters<typeof toBig>[0]) });
  }
  for (const m of out) {
    const mustSign = m.amount < 0n || (m.amount > 0n && m.account.receiverSigRequired);
    if (mustSign && !ctx.sigs.satisfies(m.account.key)) return fail('INVALID_SIGNATURE');
  }
  return out;
}

/**
 * Whether `m` may move `token`: an unassociated receiver is associated automatically while it has
 * automatic associations left (HIP-23/HIP-904: -1 = unlimited); frozen or un-KYC'd relations refuse.
 */
function tokenMoveStatus(
  token: Token,
  m: Movement,
  autoAssociate: (account: Account) => void,
): StatusName | undefined {
  let relation = m.account.relations.get(token.num);
  if (!m.account.tokens.has(token.num)) {
    const { maxAutoAssociations: max, usedAutoAssociations: used } = m.account;
    if (m.amount <= 0n || max === 0) return 'TOKEN_NOT_ASSOCIATED_TO_ACCOUNT';
    if (max !== -1 && used >= max) return 'NO_REMAINING_AUTOMATIC_ASSOCIATIONS';
    relation = newRelation(m.account, token, true);
    autoAssociate(m.account);
  }
  if (relation?.frozen) return 'ACCOUNT_FROZEN_FOR_TOKEN';
  if (relation?.kycGranted === false) return 'ACCOUNT_KYC_NOT_GRANTED_FOR_TOKEN';
  if ((m.account.tokens.get(token.num) ?? 0n) + m.amount < 0n) return 'INSUFFICIENT_TOKEN_BALANCE';
  return undefined;
}

export function cryptoTransfer(ctx: HandleContext): Outcome {
  // Sums, repeats and missing ids were refused at precheck (precheck-body.ts); NFTs and allowances too.
  const op = ctx.tx.body.cryptoTransfer!;
  const hbar = movements(ctx, op.transfers?.accountAmounts ?? []);
  if (!Array.isArray(hbar)) return hbar;
  const tokenMoves: { token: Token; moves: Movement[] }[] = [];
  const autoAssociations: { token: Token; account: Account }[] = [];
  for (const list of op.tokenTransfers ?? []) {
    const token = liveToken(ctx, list.token);
    if (typeof token === 'string') return fail(token);
    if (list.expectedDecimals && list.expectedDecimals.value !== token.decimals) {
      return fail('UNEXPECTED_TOKEN_DECIMALS');
    }
    const moves = movements(ctx, list.transfers ?? []);
    if (!Array.isArray(moves)) return moves;
    for (const m of moves) {
      const status = tokenMoveStatus(token, m, (account) => autoAssociations.push({ token, account }));
      if (status) return fail(status);
    }
    tokenMoves.push({ token, moves });
  }
  if (hbar.length === 0 && tokenMoves.length === 0) return fail('EMPTY_TRANSACTION_BODY');
  const seen = new Map<Account, number>();
  for (const { account } of autoAssociations) seen.set(account, (seen.get(account) ?? 0) + 1);
  for (const [account, n] of seen) {
    const max = account.maxAutoAssociations;
    if (max !== -1 && account.usedAutoAssociations + n > max)
      return fail('NO_REMAINING_AUTOMATIC_ASSOCIATIONS');
  }
  for (const m of hbar) if (m.account.balance + m.amount < 0n) return fail('INSUFFICIENT_ACCOUNT_BALANCE');
  for (const m of hbar) m.account.balance += m.amount;
  for (const { token, account } of autoAssociations) ctx.state.associate(account, token, true);
  const tokenTransfers: TokenTransfer[] = [];
  for (const { token, moves } of tokenMoves) {
    for (const m of moves) {
      m.account.tokens.set(token.num, m.account.tokens.get(token.num)! + m.amount);
      tokenTransfers.push({ token: token.num, account: m.account.num, amount: m.amount });
    }
  }
  return {
    status: 'SUCCESS',
    transfers: hbar.map((m) => ({ account: m.account.num, amount: m.amount })),
    tokenTransfers,
    automaticAssociations: autoAssociations.map(({ token, account }) => ({
      token: token.num,
      account: account.num,
    })),
  };
}
