import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../ledger/backoff.ts';
import { CircuitBreaker } from '../../../ledger/circuit-breaker.ts';
import { createHederaClient } from '../../../ledger/create-hedera-client.ts';
import { LedgerError } from '../../../ledger/ledger-error.ts';
import {
  fromMirrorTransactionId,
  toMirrorTransactionId,
  validStartClock,
} from '../../../ledger/transaction-id.ts';

describe('backoffDelay', () => {
  it('stays below the exponential ceiling and the maximum', () => {
    expect(backoffDelay({ retry: 3, baseMs: 100, maxMs: 10_000, random: () => 0.999 })).toBe(799);
    expect(backoffDelay({ retry: 40, baseMs: 100, maxMs: 5_000, random: () => 0.5 })).toBe(2_500);
    expect(backoffDelay({ retry: 1, baseMs: 100, maxMs: 5_000, random: () => 0 })).toBe(0);
  });
});

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures, lets one probe through when half-open, and closes on success', () => {
    let t = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 1_000, now: () => t });
    breaker.failure();
    breaker.failure();
    expect(breaker.acquire()).toBe(0);
    breaker.failure();
    expect(breaker.state).toBe('OPEN');
    expect(breaker.acquire()).toBe(1_000);
    t = 1_000;
    expect(breaker.acquire()).toBe(0); // the probe
    expect(breaker.state).toBe('HALF_OPEN');
    expect(breaker.acquire()).toBeGreaterThan(0); // everyone else waits for the probe
    breaker.success();
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.acquire()).toBe(0);
  });

  it('re-opens when the half-open probe fails', () => {
    let t = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 500, now: () => t });
    breaker.failure();
    t = 600;
    expect(breaker.acquire()).toBe(0);
    breaker.failure();
    expect(breaker.state).toBe('OPEN');
    expect(breaker.acquire()).toBe(500);
  });

  it('resets the failure count on success', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 500, now: () => 0 });
    breaker.failure();
    breaker.success();
    breaker.failure();
    expect(breaker.state).toBe('CLOSED');
  });
});

describe('transaction ids', () => {
  it('converts between the SDK and mirror-node forms', () => {
    expect(toMirrorTransactionId('0.0.2@1700000000.5')).toBe('0.0.2-1700000000-000000005');
    expect(fromMirrorTransactionId('0.0.2-1700000000-000000005')).toBe('0.0.2@1700000000.000000005');
    expect(() => toMirrorTransactionId('0.0.2-1-2')).toThrowError();
    expect(() => fromMirrorTransactionId('../../etc')).toThrowError();
  });

  it('never hands out the same valid start twice in one process', () => {
    const next = validStartClock({ now: () => 1_000, random: () => 0.5 });
    const starts = Array.from({ length: 1000 }, () => next(0));
    expect(new Set(starts).size).toBe(1000);
    expect(starts.every((s, i) => i === 0 || s > starts[i - 1]!)).toBe(true);
  });
});

describe('createHederaClient', () => {
  it('uses the genesis account and key on the local network by default', () => {
    const c = createHederaClient({ network: 'local', local: { grpcPort: 1, mirrorRestPort: 2 } });
    expect(c.operatorId.toString()).toBe('0.0.2');
    expect(c.mirror.baseUrl).toBe('http://127.0.0.1:2');
    expect(Object.keys(c.client.network)).toEqual(['127.0.0.1:1']);
    c.close();
  });

  it('takes the public mirror of a named network', () => {
    const key =
      '302e020100300506032b65700422042091132178e72057a1d7528025956fe39b0b847f200ab59b2fdd367017f3087137';
    const c = createHederaClient({ network: 'testnet', operatorId: '0.0.1234', operatorKey: key });
    expect(c.mirror.baseUrl).toBe('https://testnet.mirrornode.hedera.com');
    c.close();
  });

  it.each([
    ['a public network without an operator', { network: 'testnet' as const }],
    ['a malformed operator id', { network: 'testnet' as const, operatorId: 'alice', operatorKey: '302e00' }],
    [
      'a raw key of unknown algorithm',
      { network: 'mainnet' as const, operatorId: '0.0.5', operatorKey: 'ab'.repeat(32) },
    ],
    [
      'a DER key that does not parse',
      { network: 'mainnet' as const, operatorId: '0.0.5', operatorKey: '30ffff' },
    ],
    [
      'an unknown network',
      { network: 'moonnet' as unknown as 'mainnet', operatorId: '0.0.5', operatorKey: '302e' },
    ],
  ])('refuses %s', (_, config) => {
    expect(() => createHederaClient(config)).toThrowError(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });

  it('wraps configuration errors as LedgerError', () => {
    expect(() => createHederaClient({ network: 'testnet' })).toThrowError(LedgerError);
  });
});
