import { log, patched } from '@temporalio/workflow';
import { ledgerActivities } from './activity-proxies.ts';

/** Patch id: status lists are anchored after each change and before a trust chain is assembled. */
const ANCHOR_STATUS_LISTS_PATCH = 'anchor-status-lists';

/**
 * Puts the organization's status lists on the ledger as they stand (issue 13: revocation is read
 * from the ledger), right after a registration is issued or revoked, so the ledger dates the
 * revocation, and before a period's trust chain is assembled, so the bundle can carry every version.
 * A final ledger failure is logged, not fatal: the next call anchors what is missing, and an auditor
 * fails a chain whose list the ledger does not show.
 */
export async function anchorStatusLists(orgId: string): Promise<void> {
  if (!patched(ANCHOR_STATUS_LISTS_PATCH)) return;
  try {
    await ledgerActivities.anchorStatusLists({ orgId });
  } catch (error) {
    log.warn('status lists not anchored', { orgId, error: String(error) });
  }
}
