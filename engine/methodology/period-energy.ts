import { convert } from '../units/index.ts';

/** The fields of a telemetry v1 document the period energy is taken from. */
export interface EnergyDocument {
  device_id: string;
  seq: number;
  readings: readonly { type: string; value: number; unit: string }[];
}

/** Exported (`energy_export`) and gross (`energy`) energy of one reading, in MWh (engine/units). */
export function readingEnergy(document: Pick<EnergyDocument, 'readings'>): {
  exportMwh: number;
  grossMwh: number;
} {
  let exportMwh = 0;
  let grossMwh = 0;
  for (const r of document.readings) {
    if (r.type === 'energy_export') exportMwh += convert(r.value, r.unit, 'MWh');
    else if (r.type === 'energy') grossMwh += convert(r.value, r.unit, 'MWh');
  }
  return { exportMwh, grossMwh };
}

/**
 * EG and TEG of a monitoring period from the readings it counts. The sum runs in (device, seq)
 * order so the service and an auditor's verifier add the same floating-point numbers in the same
 * order and get the same bits; gross generation defaults to export where a device meters only
 * export (methodology TEG); binary noise is removed at 12 significant digits.
 *
 * @example
 * periodEnergy(approvedReadings) // { egMwh: 6.015, tegMwh: 6.015 }
 */
export function periodEnergy(documents: readonly EnergyDocument[]): { egMwh: number; tegMwh: number } {
  const ordered = [...documents].sort((a, b) =>
    a.device_id < b.device_id ? -1 : a.device_id > b.device_id ? 1 : a.seq - b.seq,
  );
  let egMwh = 0;
  let tegMwh = 0;
  for (const document of ordered) {
    const e = readingEnergy(document);
    egMwh += e.exportMwh;
    tegMwh += e.grossMwh > 0 ? e.grossMwh : e.exportMwh;
  }
  return { egMwh: Number(egMwh.toPrecision(12)), tegMwh: Number(tegMwh.toPrecision(12)) };
}
