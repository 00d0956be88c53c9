import type { ActionEffect } from './policy-driver.ts';

export type Subject = { kind: 'device' | 'reading' | 'period'; id: string };

/**
 * The policy's human-facing and bookkeeping actions collected from one or more machine steps, so
 * the workflow writes them in a few batched activities instead of one activity per action.
 */
export class EffectSink {
  readonly statuses: { subject: Subject; status: string }[] = [];
  readonly reviews: { key: string; subject: Subject; role: string }[] = [];
  readonly notes: { key: string; role: string; message: string; subject: Subject }[] = [];
  readonly anchors: { subject: Subject; document: string }[] = [];
  readonly credentials: { subject: Subject; type: string }[] = [];
  readonly mints: Subject[] = [];

  /** `keyBase` makes the idempotency keys of review tasks and notifications deterministic. */
  constructor(private readonly keyBase: string) {}

  /**
   * Records a catalog action; returns false for actions the caller must run itself
   * (verify, computeMethodology, mint — the ones the policy expects an answer from).
   */
  add(action: ActionEffect, subject: Subject, step: number): boolean {
    const p = action.params;
    const key = `${this.keyBase}/${subject.id}/${step}/${action.type}`;
    switch (action.type) {
      case 'setStatus':
        this.statuses.push({ subject, status: String(p.status) });
        return true;
      case 'requestReview':
        this.reviews.push({ key, subject, role: String(p.role ?? 'verifier') });
        return true;
      case 'notify':
        this.notes.push({
          key,
          subject,
          role: String(p.role),
          message: String(p.message ?? `${subject.kind} ${subject.id}`),
        });
        return true;
      case 'anchor':
        this.anchors.push({ subject, document: String(p.document) });
        return true;
      case 'issueCredential':
        this.credentials.push({ subject, type: String(p.schema) });
        return true;
      default:
        return false;
    }
  }
}
