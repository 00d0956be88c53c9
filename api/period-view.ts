import type { PeriodRecord } from '../store/issuance-store.ts';

interface ScopeEnergy {
  scope: string;
  egMwh: number;
  tegMwh: number;
}

/**
 * A period record as the API answers it (`Period`): the workflow's computation stays in `details`;
 * EG per scope is lifted out with wire names, since the report page and SDKs read it as a field.
 */
export function periodJson(record: PeriodRecord) {
  const { orgId: _o, ...period } = record;
  const byScope = record.details?.egByScope as ScopeEnergy[] | undefined;
  return {
    ...period,
    ...(Array.isArray(byScope)
      ? { eg_by_scope: byScope.map((s) => ({ scope: s.scope, eg_mwh: s.egMwh, teg_mwh: s.tegMwh })) }
      : {}),
  };
}
