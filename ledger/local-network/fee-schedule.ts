/**
 * A fixed fee schedule in tinybar, derived from Hedera's published USD prices at the exchange rate below
 * (1 hbar = 12 US cents, the local node's default). Fees do not depend on size or signatures here.
 */
export const EXCHANGE_RATE = { hbarEquiv: 1, centEquiv: 12 } as const;

const TINYBAR_PER_USD = (100_000_000n * 100n) / BigInt(EXCHANGE_RATE.centEquiv);
const usd = (micros: bigint) => (micros * TINYBAR_PER_USD) / 1_000_000n;

/** Transaction fees by TransactionBody oneof name. */
export const TRANSACTION_FEES: Readonly<Record<string, bigint>> = {
  consensusCreateTopic: usd(10_000n), // $0.01
  consensusUpdateTopic: usd(200n), // $0.0002
  consensusDeleteTopic: usd(5_000n), // $0.005
  consensusSubmitMessage: usd(100n), // $0.0001
  cryptoCreateAccount: usd(50_000n), // $0.05
  cryptoTransfer: usd(100n), // $0.0001
  tokenCreation: usd(1_000_000n), // $1
  tokenMint: usd(1_000n), // $0.001
  tokenAssociate: usd(50_000n), // $0.05
  tokenDeletion: usd(1_000n), // $0.001
};

/** Cost of a paid query (getTopicInfo, getTxRecordByTxID, getAccountInfo, getTokenInfo). */
export const PAID_QUERY_COST = usd(100n);
