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

/**
 * How a project is stored: the plant as JSON text, the way readings keep `documentJson`. A plant file
 * may carry free-form members (schemas/plant.schema.json closes only its top level), and some JSON
 * FerretDB cannot store as a document — nested arrays (an efficiency curve `[[q, η], …]`), empty or
 * `$`-prefixed field names — while text it stores whatever the schema lets through. Records written
 * before this kept `plant` as a document; they still read.
 */
type StoredProject = Omit<Project, 'plant'> & { plantJson?: string; plant?: Record<string, unknown> };

const projects = (db: Db) => db.collection<StoredProject>('projects');

function fromStored(doc: StoredProject): Project {
  const { plantJson, plant, ...rest } = doc;
  return { ...rest, plant: plantJson === undefined ? (plant ?? {}) : JSON.parse(plantJson) };
}

export function projectStore(db: Db) {
  return {
    /** `null` when the organization already has a project for this plant id. */
    async insert(scope: TenantScope, project: Omit<Project, 'orgId'>): Promise<Project | null> {
      const { plant, ...rest } = project;
      const doc = { ...rest, orgId: scope.orgId, plantJson: JSON.stringify(plant) };
      try {
        await projects(db).insertOne(doc);
        return fromStored(doc);
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) return null;
        throw error;
      }
    },
    async get(scope: TenantScope, id: string): Promise<Project | null> {
      const doc = await findOwned(projects(db), scope, id);
      return doc && fromStored(doc);
    },
    async list(scope: TenantScope): Promise<Project[]> {
      const docs = await projects(db)
        .find({ orgId: scope.orgId })
        .sort({ createdAt: 1 })
        .limit(1000)
        .toArray();
      return docs.map(fromStored);
    },
  };
}

export type ProjectStore = ReturnType<typeof projectStore>;
