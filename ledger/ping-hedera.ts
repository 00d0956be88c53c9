import { AccountBalanceQuery } from '@hashgraph/sdk';
import type { HederaConnection } from './create-hedera-client.ts';

/**
 * Readiness of the Hedera network: a free balance query for the operator through a consensus node,
 * and the mirror node answering for the same account. Throws with the failing part's reason.
 */
export async function pingHedera(hedera: HederaConnection): Promise<{ hbars: string }> {
  const balance = await new AccountBalanceQuery().setAccountId(hedera.operatorId).execute(hedera.client);
  const res = await fetch(`${hedera.mirror.baseUrl}/api/v1/accounts/${hedera.operatorId.toString()}`, {
    signal: AbortSignal.timeout(3000),
  });
  if (!res.ok) throw new Error(`mirror node answered ${res.status} for the operator account`);
  return { hbars: balance.hbars.toString() };
}
