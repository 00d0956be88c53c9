/** CryptoService transactions: createAccount, cryptoTransfer (hbar and fungible token transfers). */
import { accountNumOf, toBig, tokenNumOf } from './entity-id.ts';
import { fail, type HandleContext, MAX_MEMO_BYTES, type Outcome, utf8Length } from './handle-context.ts';
import type { Account, TokenTransfer, Transfer } from './ledger-state.ts';
import { isValidKey } from './signature-check.ts';

export function createAccount(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.cryptoCreateAccount!;
  if (!op.key) return fail('KEY_REQUIRED');
  if (!isValidKey(op.key)) return fail('BAD_ENCODING');
  if (utf8Length(op.memo ?? '') > MAX_MEMO_BYTES) return fail('MEMO_TOO_LONG');
  const initialBalance = toBig(op.initialBalance);
  if (initialBalance < 0n) return fail('INVALID_INITIAL_BALANCE');
  const payer = ctx.state.accounts.get(ctx.tx.payer)!;
  if (payer.balance < initialBalance) return fail('INSUFFICIENT_PAYER_BALANCE');
  if (op.receiverSigRequired && !ctx.sigs.satisfies(op.key)) return fail('INVALID_SIGNATURE');
  const num = ctx.state.allocateEntityNum();
  payer.balance -= initialBalance;
  ctx.state.accounts.set(num, {
    num,
    key: op.key,
    balance: initialBalance,
    tokens: new Map(),
    memo: op.memo ?? '',
    receiverSigRequired: op.receiverSigRequired ?? false,
    maxAutoAssociations: op.maxAutomaticTokenAssociations ?? 0,
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

/** Validates one list of account amounts: known accounts, no repeats, zero sum, signatures of senders. */
function movements(
  ctx: HandleContext,
  list: { accountID?: unknown; amount?: unknown; isApproval?: boolean | null }[],
  zeroSumStatus: 'INVALID_ACCOUNT_AMOUNTS' | 'TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN',
): Movement[] | Outcome {
  const out: Movement[] = [];
  let sum = 0n;
  for (const item of list) {
    if (item.isApproval) return fail('NOT_SUPPORTED');
    const num = accountNumOf(item.accountID as Parameters<typeof accountNumOf>[0]);
    const account = num === undefined ? undefined : ctx.state.accounts.get(num);
    if (!account) return fail('INVALID_ACCOUNT_ID');
    if (out.some((m) => m.account === account)) return fail('ACCOUNT_REPEATED_IN_ACCOUNT_AMOUNTS');
    const amount = toBig(item.amount as Parameters<typeof toBig>[0]);
    sum += amount;
    out.push({ account, amount });
  }
  if (sum !== 0n) return fail(zeroSumStatus);
  for (const m of out) {
    const mustSign = m.amount < 0n || (m.amount > 0n && m.account.receiverSigRequired);
    if (mustSign && !ctx.sigs.satisfies(m.account.key)) return fail('INVALID_SIGNATURE');
  }
  return out;
}

export function cryptoTransfer(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.cryptoTransfer!;
  const hbar = movements(ctx, op.transfers?.accountAmounts ?? [], 'INVALID_ACCOUNT_AMOUNTS');
  if (!Array.isArray(hbar)) return hbar;
  if ((op.tokenTransfers ?? []).some((t) => (t.nftTransfers ?? []).length > 0)) return fail('NOT_SUPPORTED');
  const tokenMoves: { token: bigint; moves: Movement[] }[] = [];
  for (const list of op.tokenTransfers ?? []) {
    const tokenNum = tokenNumOf(list.token);
    const token = tokenNum === undefined ? undefined : ctx.state.tokens.get(tokenNum);
    if (!token) return fail('INVALID_TOKEN_ID');
    if (tokenMoves.some((t) => t.token === token.num)) return fail('TOKEN_ID_REPEATED_IN_TOKEN_LIST');
    if (list.expectedDecimals && list.expectedDecimals.value !== token.decimals) {
      return fail('UNEXPECTED_TOKEN_DECIMALS');
    }
    const moves = movements(ctx, list.transfers ?? [], 'TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN');
    if (!Array.isArray(moves)) return moves;
    for (const m of moves) {
      if (!m.account.tokens.has(token.num)) return fail('TOKEN_NOT_ASSOCIATED_TO_ACCOUNT');
      if (m.account.tokens.get(token.num)! + m.amount < 0n) return fail('INSUFFICIENT_TOKEN_BALANCE');
    }
    tokenMoves.push({ token: token.num, moves });
  }
  if (hbar.length === 0 && tokenMoves.length === 0) return fail('EMPTY_TRANSACTION_BODY');
  for (const m of hbar) if (m.account.balance + m.amount < 0n) return fail('INSUFFICIENT_ACCOUNT_BALANCE');
  for (const m of hbar) m.account.balance += m.amount;
  const tokenTransfers: TokenTransfer[] = [];
  for (const { token, moves } of tokenMoves) {
    for (const m of moves) {
      m.account.tokens.set(token, m.account.tokens.get(token)! + m.amount);
      tokenTransfers.push({ token, account: m.account.num, amount: m.amount });
    }
  }
  return {
    status: 'SUCCESS',
    transfers: hbar.map((m) => ({ account: m.account.num, amount: m.amount })),
    tokenTransfers,
  };
}
