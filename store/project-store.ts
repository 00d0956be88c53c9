import { type Db, MongoServerError } from 'mongodb';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

/** A plant bound to one published policy version (pinned by hash). */
export interface Project {
  _id: string;
  orgId: string;
  plantId: string;
  name: string;
  plant: Record<string, unknown>;
  policy: { versionId: string; policyId: string; version: string; hash: string };
  createdAt: Date;
}

const projects = (db: Db) => db.collection<Project>('projects');

export function projectStore(db: Db) {
  return {
    /** `null` when the organization already has a project for this plant id. */
    async insert(scope: TenantScope, project: Omit<Project, 'orgId'>): Promise<Project | null> {
      const doc = { ...project, orgId: scope.orgId };
      try {
        await projects(db).insertOne(doc);
        return doc;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) return null;
        throw error;
      }
    },
    async get(scope: TenantScope, id: string): Promise<Project | null> {
      return await findOwned(projects(db), scope, id);
    },
    async list(scope: TenantScope): Promise<Project[]> {
      return await projects(db).find({ orgId: scope.orgId }).sort({ createdAt: 1 }).limit(1000).toArray();
    },
  };
}

export type ProjectStore = ReturnType<typeof projectStore>;
