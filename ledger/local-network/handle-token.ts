/** TokenService transactions: createToken (fungible), mintToken, associateTokens. */
import { accountNumOf, toBig, tokenNumOf } from './entity-id.ts';
import { fail, type HandleContext, MAX_MEMO_BYTES, type Outcome, utf8Length } from './handle-context.ts';
import { MAX_INT64, type Token } from './ledger-state.ts';
import { proto } from './proto.ts';
import { isValidKey } from './signature-check.ts';

export function createToken(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.tokenCreation!;
  if ((op.tokenType ?? 0) !== proto.TokenType.FUNGIBLE_COMMON) return fail('NOT_SUPPORTED');
  const name = op.name ?? '';
  const symbol = op.symbol ?? '';
  if (!name) return fail('MISSING_TOKEN_NAME');
  if (utf8Length(name) > MAX_MEMO_BYTES) return fail('TOKEN_NAME_TOO_LONG');
  if (!symbol) return fail('MISSING_TOKEN_SYMBOL');
  if (utf8Length(symbol) > MAX_MEMO_BYTES) return fail('TOKEN_SYMBOL_TOO_LONG');
  if (utf8Length(op.memo ?? '') > MAX_MEMO_BYTES) return fail('MEMO_TOO_LONG');
  const decimals = op.decimals ?? 0;
  if (decimals < 0 || decimals > 2_147_483_647) return fail('INVALID_TOKEN_DECIMALS');
  const initialSupply = toBig(op.initialSupply);
  if (initialSupply < 0n || initialSupply > MAX_INT64) return fail('INVALID_TOKEN_INITIAL_SUPPLY');
  const finite = (op.supplyType ?? 0) === proto.TokenSupplyType.FINITE;
  const maxSupply = toBig(op.maxSupply);
  if (finite ? maxSupply <= 0n : maxSupply !== 0n) return fail('INVALID_TOKEN_MAX_SUPPLY');
  if (finite && initialSupply > maxSupply) return fail('INVALID_TOKEN_INITIAL_SUPPLY');
  if (op.adminKey && !isValidKey(op.adminKey)) return fail('INVALID_ADMIN_KEY');
  if (op.supplyKey && !isValidKey(op.supplyKey)) return fail('INVALID_SUPPLY_KEY');
  const treasuryNum = accountNumOf(op.treasury);
  const treasury = treasuryNum === undefined ? undefined : ctx.state.accounts.get(treasuryNum);
  if (!treasury) return fail('INVALID_TREASURY_ACCOUNT_FOR_TOKEN');
  if (!ctx.sigs.satisfies(treasury.key)) return fail('INVALID_SIGNATURE');
  if (op.adminKey && !ctx.sigs.satisfies(op.adminKey)) return fail('INVALID_SIGNATURE');
  const num = ctx.state.allocateEntityNum();
  const token: Token = {
    num,
    name,
    symbol,
    decimals,
    initialSupply,
    totalSupply: initialSupply,
    maxSupply,
    supplyType: finite ? 'FINITE' : 'INFINITE',
    treasury: treasury.num,
    memo: op.memo ?? '',
    createdNs: ctx.consensusNs,
    modifiedNs: ctx.consensusNs,
  };
  if (op.adminKey) token.adminKey = op.adminKey;
  if (op.supplyKey) token.supplyKey = op.supplyKey;
  ctx.state.tokens.set(num, token);
  treasury.tokens.set(num, initialSupply);
  return {
    status: 'SUCCESS',
    entityNum: num,
    receipt: { tokenNum: num },
    tokenTransfers: initialSupply > 0n ? [{ token: num, account: treasury.num, amount: initialSupply }] : [],
  };
}

export function mintToken(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.tokenMint!;
  const num = tokenNumOf(op.token);
  const token = num === undefined ? undefined : ctx.state.tokens.get(num);
  if (!token) return fail('INVALID_TOKEN_ID');
  if (!token.supplyKey) return fail('TOKEN_HAS_NO_SUPPLY_KEY', token.num);
  if (!ctx.sigs.satisfies(token.supplyKey)) return fail('INVALID_SIGNATURE', token.num);
  if ((op.metadata ?? []).length > 0) return fail('INVALID_TOKEN_MINT_METADATA', token.num);
  const amount = toBig(op.amount);
  if (amount <= 0n) return fail('INVALID_TOKEN_MINT_AMOUNT', token.num);
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
    tokenTransfers: [{ token: token.num, account: treasury.num, amount }],
  };
}

export function associateTokens(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.tokenAssociate!;
  const accountNum = accountNumOf(op.account);
  const account = accountNum === undefined ? undefined : ctx.state.accounts.get(accountNum);
  if (!account) return fail('INVALID_ACCOUNT_ID');
  const tokenNums: bigint[] = [];
  for (const id of op.tokens ?? []) {
    const num = tokenNumOf(id);
    if (num === undefined || !ctx.state.tokens.has(num)) return fail('INVALID_TOKEN_ID', account.num);
    if (tokenNums.includes(num)) return fail('TOKEN_ID_REPEATED_IN_TOKEN_LIST', account.num);
    tokenNums.push(num);
  }
  if (!ctx.sigs.satisfies(account.key)) return fail('INVALID_SIGNATURE', account.num);
  if (tokenNums.some((num) => account.tokens.has(num))) {
    return fail('TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT', account.num);
  }
  for (const num of tokenNums) account.tokens.set(num, 0n);
  return { status: 'SUCCESS', entityNum: account.num };
}
