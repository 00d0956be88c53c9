import type { Db } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/** A human task a policy opened (`requestReview`): who must act on what. */
export interface ReviewTaskRecord {
  _id: string;
  orgId: string;
  subject: { kind: 'device' | 'reading' | 'period'; id: string };
  role: string;
  status: 'open' | 'closed';
  openedAt: Date;
  closedAt?: Date;
}

/** A message a policy sent to everyone holding a role (`notify`). */
export interface NotificationRecord {
  _id: string;
  orgId: string;
  role: string;
  message: string;
  subject: { kind: string; id: string };
  createdAt: Date;
}

const tasks = (db: Db) => db.collection<ReviewTaskRecord>('review_tasks');
const notifications = (db: Db) => db.collection<NotificationRecord>('notifications');

export function reviewTaskStore(db: Db) {
  return {
    /** Idempotent on `_id` (the activity's key). */
    async open(scope: TenantScope, task: Omit<ReviewTaskRecord, 'orgId' | 'status'>): Promise<void> {
      await tasks(db).updateOne(
        { orgId: scope.orgId, _id: task._id },
        { $setOnInsert: { ...task, orgId: scope.orgId, status: 'open' } },
        { upsert: true },
      );
    },
    /** Closes every open task about a subject (the decision was made). */
    async closeFor(scope: TenantScope, subject: ReviewTaskRecord['subject'], at: Date): Promise<void> {
      await tasks(db).updateMany(
        { orgId: scope.orgId, 'subject.kind': subject.kind, 'subject.id': subject.id, status: 'open' },
        { $set: { status: 'closed', closedAt: at } },
      );
    },
    async listOpen(scope: TenantScope, role?: string): Promise<ReviewTaskRecord[]> {
      return await tasks(db)
        .find({ orgId: scope.orgId, status: 'open', ...(role ? { role } : {}) })
        .sort({ openedAt: 1 })
        .limit(1000)
        .toArray();
    },
    async notify(scope: TenantScope, note: Omit<NotificationRecord, 'orgId'>): Promise<void> {
      await notifications(db).updateOne(
        { orgId: scope.orgId, _id: note._id },
        { $setOnInsert: { ...note, orgId: scope.orgId } },
        { upsert: true },
      );
    },
    async listNotifications(scope: TenantScope, role?: string): Promise<NotificationRecord[]> {
      return await notifications(db)
        .find({ orgId: scope.orgId, ...(role ? { role } : {}) })
        .sort({ createdAt: 1 })
        .limit(1000)
        .toArray();
    },
  };
}
