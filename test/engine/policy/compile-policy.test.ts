import { describe, expect, it } from 'vitest';
import {
  checkEvent,
  compilePolicy,
  PolicyError,
  persistSnapshot,
  restoreSnapshot,
  startWorkflow,
  stepWorkflow,
} from '../../../engine/policy/index.ts';
import { amsPolicy } from './support.ts';

describe('compilePolicy', () => {
  const compiled = compilePolicy(amsPolicy());
  const review = compiled.workflows.reading_review;

  it('compiles one machine per workflow with its timers in milliseconds', () => {
    expect(Object.keys(compiled.workflows)).toEqual([
      'device_lifecycle',
      'reading_review',
      'period_issuance',
    ]);
    expect(review.timers).toEqual({ P7D: 7 * 86_400_000 });
    expect(review.finalStates).toEqual(['approved', 'rejected']);
  });

  it('starts reading review by asking the host to verify', () => {
    const { snapshot, effects } = startWorkflow(review);
    expect(snapshot.value).toBe('verifying');
    expect(effects).toEqual([{ kind: 'action', type: 'verify', params: {} }]);
  });

  it('routes a verified reading by its status guard', () => {
    const start = startWorkflow(review).snapshot;
    expect(
      stepWorkflow(review, start, { type: 'verified', status: 'APPROVED', trust_score: 1 }).snapshot.value,
    ).toBe('approved');
    expect(
      stepWorkflow(review, start, { type: 'verified', status: 'REJECTED', trust_score: 0 }).snapshot.value,
    ).toBe('rejected');
    expect(
      stepWorkflow(review, start, { type: 'verified', status: 'FLAGGED', trust_score: 0.6 }).snapshot.value,
    ).toBe('in_review');
  });

  it('emits plain-data actions and a durable timer when a review opens', () => {
    const start = startWorkflow(review).snapshot;
    const { effects } = stepWorkflow(review, start, {
      type: 'verified',
      status: 'FLAGGED',
      trust_score: 0.6,
    });
    expect(effects).toEqual([
      { kind: 'action', type: 'setStatus', params: { status: 'FLAGGED' } },
      { kind: 'action', type: 'requestReview', params: { role: 'verifier' } },
      {
        kind: 'start-timer',
        id: 'xstate.after.P7D.reading_review.in_review',
        duration: 'P7D',
        delayMs: 604_800_000,
        event: { type: 'xstate.after.P7D.reading_review.in_review' },
      },
    ]);
    expect(JSON.parse(JSON.stringify(effects))).toEqual(effects);
  });

  it('cancels the timer when the review is decided in time', () => {
    let s = startWorkflow(review).snapshot;
    s = stepWorkflow(review, s, { type: 'verified', status: 'FLAGGED', trust_score: 0.6 }).snapshot;
    const { snapshot, effects } = stepWorkflow(review, s, { type: 'approve', comment: 'ok' });
    expect(snapshot.value).toBe('approved');
    expect(snapshot.status).toBe('done');
    expect(effects[0]).toEqual({ kind: 'cancel-timer', id: 'xstate.after.P7D.reading_review.in_review' });
  });

  it('escalates when the timer fires, after a persisted snapshot round-trips through JSON', () => {
    let s = startWorkflow(review).snapshot;
    s = stepWorkflow(review, s, { type: 'verified', status: 'FLAGGED', trust_score: 0.6 }).snapshot;
    const stored = JSON.stringify(persistSnapshot(review, s));
    const restored = restoreSnapshot(review, JSON.parse(stored));
    expect(restored.value).toBe('in_review');
    const fired = stepWorkflow(review, restored, { type: 'xstate.after.P7D.reading_review.in_review' });
    expect(fired.snapshot.value).toBe('escalated');
    expect(fired.effects).toContainEqual({
      kind: 'action',
      type: 'notify',
      params: { role: 'registry', message: 'Flagged reading unreviewed for 7 days' },
    });
  });

  it('ignores an event the current state does not accept', () => {
    const s = startWorkflow(review).snapshot;
    const result = stepWorkflow(review, s, { type: 'approve' });
    expect(result.handled).toBe(false);
    expect(result.snapshot).toBe(s);
  });

  it('ignores events after a final state', () => {
    let s = startWorkflow(review).snapshot;
    s = stepWorkflow(review, s, { type: 'verified', status: 'REJECTED', trust_score: 0 }).snapshot;
    expect(stepWorkflow(review, s, { type: 'approve' }).handled).toBe(false);
  });

  it('treats a guard over a missing payload field as false, not an error', () => {
    const s = startWorkflow(review).snapshot;
    expect(stepWorkflow(review, s, { type: 'verified' }).snapshot.value).toBe('in_review');
  });

  it('evaluates guards on integer payloads and unit-carrying payloads', () => {
    const period = compiled.workflows.period_issuance;
    let s = startWorkflow(period).snapshot;
    s = stepWorkflow(period, s, { type: 'close' }).snapshot;
    expect(
      stepWorkflow(period, s, { type: 'computed', eligible: true, er: 0, amount: 0 }).snapshot.value,
    ).toBe('closed');
    expect(
      stepWorkflow(period, s, { type: 'computed', eligible: false, er: 5, amount: 0 }).snapshot.value,
    ).toBe('not_eligible');
    expect(
      stepWorkflow(period, s, { type: 'computed', eligible: true, er: 5.5, amount: 5500 }).snapshot.value,
    ).toBe('awaiting_approval');
  });

  it('is deterministic: the same events give the same snapshots and effects', () => {
    const run = () => {
      let s = startWorkflow(review).snapshot;
      const all: unknown[] = [];
      for (const e of [
        { type: 'verified', status: 'FLAGGED', trust_score: 0.5 },
        { type: 'reject', comment: 'x' },
      ]) {
        const r = stepWorkflow(review, s, e);
        s = r.snapshot;
        all.push(r.effects);
      }
      return JSON.stringify([persistSnapshot(review, s), all]);
    };
    expect(run()).toBe(run());
  });

  it('applies project overrides to the parameters guards see, and refuses fixed ones', () => {
    expect(
      compilePolicy(amsPolicy(), { overrides: { approve_threshold: 0.9 } }).parameters.approve_threshold,
    ).toBe(0.9);
    expect(() => compilePolicy(amsPolicy(), { overrides: { max_capacity: 20_000 } })).toThrow(PolicyError);
  });
});

describe('checkEvent', () => {
  const review = compilePolicy(amsPolicy()).workflows.reading_review;

  it('lets a verifier approve a reading', () => {
    expect(checkEvent(review, { type: 'approve', comment: 'fine' }, 'verifier')).toEqual([]);
  });

  it('refuses an approval from the project developer', () => {
    expect(checkEvent(review, { type: 'approve' }, 'project_developer')[0]).toContain(
      "may not send 'approve'",
    );
  });

  it('refuses undeclared events, fields and mistyped payloads', () => {
    expect(checkEvent(review, { type: 'launch' }, 'system')[0]).toContain("no event 'launch'");
    expect(checkEvent(review, { type: 'approve', extra: 1 }, 'verifier')[0]).toContain("no field 'extra'");
    expect(checkEvent(review, { type: 'verified', status: 'MAYBE', trust_score: 1 }, 'system')[0]).toContain(
      'one of',
    );
    expect(
      checkEvent(review, { type: 'verified', status: 'APPROVED', trust_score: 'high' }, 'system')[0],
    ).toContain('number');
  });
});
