import type { IssuanceRecord, MintRecord } from '../store/issuance-store.ts';

export function issuanceJson(i: IssuanceRecord) {
  const { orgId: _o, _id, trustChainJson, hasTrustChain, updatedAt, ...rest } = i;
  return {
    id: _id,
    ...rest,
    trust_chain_available: trustChainJson !== undefined || hasTrustChain === true,
    updated_at: updatedAt.toISOString(),
  };
}

export function mintJson(m: MintRecord) {
  const { orgId: _o, _id, createdAt, ...rest } = m;
  return { id: _id, ...rest, created_at: createdAt.toISOString() };
}
