import { type AccountId, Timestamp, TransactionId } from '@hashgraph/sdk';
import type { IntentAttempt, LedgerIntent } from './intent-store.ts';
import { LedgerError } from './ledger-error.ts';
import { controlKeyOf, type OperationContext, operations } from './ledger-operations.ts';

/**
 * Builds, freezes and signs the one transaction of a new attempt. The caller stores the returned
 * attempt (with its signed bytes) before submitting anything, so the ledger can never execute a
 * transaction id the intent record does not know.
 */
export async function buildAttempt(o: {
  intent: LedgerIntent;
  ctx: OperationContext;
  nodeAccountId: AccountId;
  /** Valid start in ns since the epoch (unique per process, see `validStartClock`). */
  validStartNs: bigint;
  validDurationS: number;
  nowMs: number;
}): Promise<IntentAttempt> {
  const { ctx } = o;
  const seconds = o.validStartNs / 1_000_000_000n;
  const nanos = o.validStartNs % 1_000_000_000n;
  const transactionId = TransactionId.withValidStart(
    ctx.client.operatorAccountId!,
    new Timestamp(Number(seconds), Number(nanos)),
  );
  const tx = operations[o.intent.op]
    .build(o.intent.request, ctx)
    .setTransactionId(transactionId)
    .setNodeAccountIds([o.nodeAccountId])
    .setTransactionValidDuration(o.validDurationS)
    .setTransactionMemo(o.intent.memo)
    .freezeWith(ctx.client);
  await tx.sign(ctx.operatorKey);
  const control = controlKeyOf(o.intent.request);
  if (control) {
    const cosign = ctx.cosign;
    if (!cosign) throw new LedgerError('INVALID_REQUEST', 'a controlKey request needs a cosigner');
    const publicKeyHex = Buffer.from(control.toBytesRaw()).toString('hex');
    await tx.signWith(control, (bytes) => cosign({ orgId: o.intent.orgId, publicKeyHex, bytes }));
  }
  const validStartMs = Number(o.validStartNs / 1_000_000n);
  return {
    transactionId: transactionId.toString(),
    nodeAccountId: o.nodeAccountId.toString(),
    validStartMs,
    validUntilMs: validStartMs + o.validDurationS * 1000,
    signedBytes: Buffer.from(tx.toBytes()).toString('base64'),
    createdAtMs: o.nowMs,
    state: 'OPEN',
  };
}
