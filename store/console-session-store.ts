import type { Db } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/**
 * A web console sign-in. The session cookie's token names it (`sid`); the authenticator refuses the
 * token once the session is revoked, so one stolen cookie can be killed without revoking the key.
 */
export interface ConsoleSession {
  _id: string;
  orgId: string;
  /** The API key the session was signed in with; its sessions are the ones the caller may list. */
  keyId: string;
  createdAt: Date;
  expiresAt: Date;
  /** The browser's User-Agent at sign-in (truncated), so a person can tell sessions apart. */
  userAgent?: string;
  revokedAt?: Date;
}

const sessions = (db: Db) => db.collection<ConsoleSession>('console_sessions');

export function consoleSessionStore(db: Db) {
  const live = (scope: TenantScope, now: Date) => ({
    orgId: scope.orgId,
    revokedAt: { $exists: false },
    expiresAt: { $gt: now },
  });
  return {
    async create(scope: TenantScope, session: Omit<ConsoleSession, 'orgId'>): Promise<void> {
      await sessions(db).insertOne({ ...session, orgId: scope.orgId });
    },
    /** Whether the session exists in this organization, is unexpired and not revoked. */
    async isLive(scope: TenantScope, id: string, now: Date): Promise<boolean> {
      return (await sessions(db).countDocuments({ _id: id, ...live(scope, now) }, { limit: 1 })) > 0;
    },
    /** The key's live sessions, newest first. */
    async listLive(scope: TenantScope, keyId: string, now: Date): Promise<ConsoleSession[]> {
      return await sessions(db)
        .find({ keyId, ...live(scope, now) })
        .sort({ createdAt: -1 })
        .limit(200)
        .toArray();
    },
    /** Revokes one live session of the key; false when there is none by that id. */
    async revoke(scope: TenantScope, keyId: string, id: string, now: Date): Promise<boolean> {
      const res = await sessions(db).updateOne(
        { _id: id, keyId, ...live(scope, now) },
        { $set: { revokedAt: now } },
      );
      return res.modifiedCount > 0;
    },
    /** Revokes every live session of the key ("sign out everywhere"); how many were live. */
    async revokeAll(scope: TenantScope, keyId: string, now: Date): Promise<number> {
      const res = await sessions(db).updateMany({ keyId, ...live(scope, now) }, { $set: { revokedAt: now } });
      return res.modifiedCount;
    },
  };
}

export type ConsoleSessionStore = ReturnType<typeof consoleSessionStore>;
