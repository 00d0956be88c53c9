import type { Db } from 'mongodb';
import { issuanceStore } from '../../store/issuance-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { expectedMintAmount } from '../../test/workflows/support/drive-pipeline.ts';

/**
 * The token's supply on the ledger (mirror REST) against the amount recomputed from the stored
 * approved readings with the engine's methodology, floor(ER × 10^decimals).
 */
export async function supplyAudit(options: {
  db: Db;
  orgId: string;
  projectId: string;
  period: string;
  mirrorUrl: string;
}) {
  const scope = issueTenantScope(options.orgId);
  const ids = (
    await options.db
      .collection<{ _id: string }>('readings')
      .find({ orgId: options.orgId, projectId: options.projectId }, { projection: { _id: 1 } })
      .toArray()
  ).map((r) => r._id);
  const expected = await expectedMintAmount(options.db, options, ids);
  // The mint record is written with the mint; the issuance record only once its trust chain is built.
  const mint = (await issuanceStore(options.db).listMints(scope)).find(
    (m) => m.issuanceId === `${options.projectId}/${options.period}`,
  );
  if (!mint) return { exact: false, minted: null, expected };
  const res = await fetch(`${options.mirrorUrl}/api/v1/tokens/${mint.tokenId}`);
  const minted = Number(((await res.json()) as { total_supply: string }).total_supply);
  return { exact: minted === expected, minted, expected };
}
