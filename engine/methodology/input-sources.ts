/** Where a methodology input may come from, and the unit the value is given in there. */
export interface InputSource {
  unit: string;
  description: string;
  /** Value when the plant file or period leaves it out; undefined means it must be present. */
  fallback?: number | 'EG';
}

/**
 * The closed catalog of input sources. `period.*` are the monitoring period's measured totals;
 * `plant.*` are fields of the plant file (schemas/plant.schema.json).
 */
export const inputSources: Readonly<Record<string, InputSource>> = {
  'period.eg_mwh': { unit: 'MWh', description: 'Net electricity exported to the grid (EG).' },
  'period.teg_mwh': {
    unit: 'MWh',
    description: 'Gross electricity generated (TEG); defaults to EG.',
    fallback: 'EG',
  },
  'plant.capacity_kw': { unit: 'kW', description: 'Installed capacity of the project plant.' },
  'plant.grid.ef_tco2_per_mwh': { unit: 'tCO2e/MWh', description: "The project's grid emission factor." },
  'plant.reservoir.baseline_area_m2': {
    unit: 'm2',
    description: 'Reservoir area before the project.',
    fallback: 0,
  },
  'plant.reservoir.project_area_m2': {
    unit: 'm2',
    description: 'Reservoir area with the project.',
    fallback: 0,
  },
  'plant.reservoir.baseline_capacity_kw': {
    unit: 'kW',
    description: 'Installed capacity before the project.',
    fallback: 0,
  },
};
