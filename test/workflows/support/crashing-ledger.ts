import { Context } from '@temporalio/activity';
import type { HederaLedger } from '../../../ledger/hedera-ledger.ts';

type Operation = 'submitMessage' | 'mint';
type Request<O extends Operation> = Parameters<HederaLedger[O]>[0];

/**
 * A worker-crash drill for one ledger operation. The wrapped ledger performs the first call that
 * `matches` for real (the HCS message or the mint reaches the network and the intent is recorded),
 * then reports `crashed` and never returns: the activity is stuck exactly between "the ledger call
 * succeeded" and "the activity's completion is recorded". The test then shuts the worker down;
 * Temporal cancels the stuck attempt (WORKER_SHUTDOWN), the attempt fails without a result, and the
 * activity is retried on whichever worker polls next. Every other call passes straight through.
 */
export function crashingLedger<O extends Operation>(
  real: HederaLedger,
  operation: O,
  matches: (request: Request<O>) => boolean,
): { ledger: HederaLedger; crashed: Promise<Request<O>> } {
  let fired = false;
  let report!: (request: Request<O>) => void;
  const crashed = new Promise<Request<O>>((resolve) => {
    report = resolve;
  });
  const original = real[operation].bind(real) as (request: Request<O>) => Promise<unknown>;
  const wrapped = async (request: Request<O>) => {
    const result = await original(request);
    if (fired || !matches(request)) return result;
    fired = true;
    report(request);
    // The result is dropped: only the worker's shutdown ends this attempt, as a failure.
    await Context.current().cancelled;
    throw new Error('unreachable: an activity cancelled by worker shutdown rejects above');
  };
  return { ledger: { ...real, [operation]: wrapped }, crashed };
}
