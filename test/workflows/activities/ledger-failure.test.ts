import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { LedgerError, type LedgerErrorCode } from '../../../ledger/ledger-error.ts';
import { asActivityFailure, ledgerCall } from '../../../workflows/activities/ledger-failure.ts';
import { ledgerFailureTypes } from '../../../workflows/failure-types.ts';

describe('asActivityFailure', () => {
  it('reports a Hedera rejection under the network status, non-retryable, keeping code and status', () => {
    const failure = asActivityFailure(
      new LedgerError('REJECTED', 'Hedera refused mint: INVALID_SIGNATURE', { status: 'INVALID_SIGNATURE' }),
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    const app = failure as ApplicationFailure;
    expect(app.type).toBe('INVALID_SIGNATURE');
    expect(app.nonRetryable).toBe(true);
    expect(app.details).toEqual([{ code: 'REJECTED', status: 'INVALID_SIGNATURE' }]);
    expect(app.message).toContain('INVALID_SIGNATURE');
    expect(app.cause).toBeInstanceOf(LedgerError);
  });

  it('makes every final outcome without a status non-retryable under its own code', () => {
    for (const code of ledgerFailureTypes) {
      const app = asActivityFailure(new LedgerError(code, `final ${code}`)) as ApplicationFailure;
      expect(app).toBeInstanceOf(ApplicationFailure);
      expect(app.type).toBe(code);
      expect(app.nonRetryable).toBe(true);
    }
  });

  it('leaves transient errors and dead letters to Temporal retries, unchanged', () => {
    const retried: LedgerErrorCode[] = [
      'RECEIPT_TIMEOUT',
      'UNAVAILABLE',
      'BUSY',
      'MIRROR_UNAVAILABLE',
      'STORE_UNAVAILABLE',
      'CONCURRENT_UPDATE',
      'DEAD_LETTERED',
    ];
    for (const code of retried) {
      const error = new LedgerError(code, code);
      expect(asActivityFailure(error)).toBe(error);
    }
  });

  it('passes errors that are not ledger outcomes through untouched', () => {
    const plain = new Error('socket hang up');
    expect(asActivityFailure(plain)).toBe(plain);
    expect(asActivityFailure('a string')).toBe('a string');
    expect(asActivityFailure(undefined)).toBeUndefined();
  });

  it('ledgerCall returns the result, and throws the mapped failure', async () => {
    await expect(ledgerCall(async () => 7)).resolves.toBe(7);
    await expect(
      ledgerCall(async () => {
        throw new LedgerError('IDEMPOTENCY_CONFLICT', 'key reused');
      }),
    ).rejects.toMatchObject({ type: 'IDEMPOTENCY_CONFLICT', nonRetryable: true });
  });
});
