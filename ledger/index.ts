export {
  createHederaClient,
  type HederaClientConfig,
  type HederaConnection,
  LOCAL_GENESIS_KEY,
} from './create-hedera-client.ts';
export {
  createHederaLedger,
  defaultTuning,
  type HederaLedger,
  intentId,
  type LedgerScope,
  type LedgerTuning,
} from './hedera-ledger.ts';
export type {
  IntentAttempt,
  IntentEvent,
  IntentStore,
  LedgerIntent,
  LedgerOperationName,
} from './intent-store.ts';
export { LedgerError, type LedgerErrorCode } from './ledger-error.ts';
export type {
  CreateTokenRequest,
  EnsureTopicRequest,
  MessageResult,
  MintRequest,
  MintResult,
  SubmitMessageRequest,
  TokenResult,
  TopicResult,
} from './ledger-operations.ts';
export {
  MirrorClient,
  type MirrorToken,
  type MirrorTopicMessageRecord,
  type MirrorTransaction,
} from './mirror-client.ts';
export { type ChaosReport, runChaosScenario } from './run-chaos-scenario.ts';
