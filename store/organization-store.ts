import type { Db } from 'mongodb';
import { findOwned } from './find-owned.ts';
import { newId } from './ids.ts';
import type { TenantScope } from './tenant-scope.ts';

export interface Organization {
  _id: string;
  orgId: string;
  name: string;
  /** Set for the organization `mrv up` creates, so it is found again on the next start. */
  demo?: boolean;
  createdAt: Date;
}

const organizations = (db: Db) => db.collection<Organization>('organizations');

export function organizationStore(db: Db) {
  return {
    /** Self-registration; the caller (the auth module) then issues the new organization's scope. */
    async create(input: { name: string; demo?: boolean; now: Date }): Promise<Organization> {
      const orgId = newId('org');
      const org: Organization = { _id: orgId, orgId, name: input.name, createdAt: input.now };
      if (input.demo) org.demo = true;
      await organizations(db).insertOne(org);
      return org;
    },
    async get(scope: TenantScope): Promise<Organization | null> {
      return await findOwned(organizations(db), scope, scope.orgId);
    },
    /** Every organization id, for operator tools (`mrv audit verify`), never for requests. */
    async listIds(): Promise<string[]> {
      const docs = await organizations(db)
        .find({}, { projection: { orgId: 1 } })
        .sort({ orgId: 1 })
        .toArray();
      return docs.map((d) => d.orgId);
    },
    async findDemo(): Promise<Organization | null> {
      return await organizations(db).findOne({ demo: true });
    },
  };
}

export type OrganizationStore = ReturnType<typeof organizationStore>;
