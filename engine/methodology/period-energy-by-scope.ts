import { type EnergyDocument, periodEnergy } from './period-energy.ts';

/** EG and TEG of one metering scope (`plant` or a unit id) of a monitoring period, in MWh. */
export interface ScopeEnergy {
  scope: string;
  egMwh: number;
  tegMwh: number;
}

/**
 * The period's EG and TEG split by the scope each device meters (the plant file's `devices[].scope`),
 * summed with `periodEnergy` itself so each scope's figure is computed exactly as the plant's is.
 * A device the plant does not name counts under `unassigned` rather than vanishing. Sorted by scope.
 *
 * @example
 * periodEnergyByScope(readings, (did) => scopes.get(did))
 * // [{ scope: 'plant', egMwh: 4.5, tegMwh: 4.6 }, { scope: 'unit-1', egMwh: 1.5, tegMwh: 1.5 }]
 */
export function periodEnergyByScope(
  documents: readonly EnergyDocument[],
  scopeOf: (deviceId: string) => string | undefined,
): ScopeEnergy[] {
  const groups = new Map<string, EnergyDocument[]>();
  for (const document of documents) {
    const scope = scopeOf(document.device_id) ?? 'unassigned';
    const group = groups.get(scope);
    if (group) group.push(document);
    else groups.set(scope, [document]);
  }
  return [...groups.keys()].sort().map((scope) => ({ scope, ...periodEnergy(groups.get(scope) ?? []) }));
}
