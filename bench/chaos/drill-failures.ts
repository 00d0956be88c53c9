import type { DrillResult } from './run-drill.ts';

/** The drill's assertions: each broken one as a sentence (none when the drill passed). */
export function drillFailures(r: DrillResult): string[] {
  const failures: string[] = [];
  if (r.readings_2xx === 0) failures.push('no reading was answered 2xx');
  if (r.readings_lost > 0)
    failures.push(`${r.readings_lost} readings answered 2xx are not stored and verified`);
  if (r.duplicate_messages > 0) failures.push(`${r.duplicate_messages} duplicate HCS messages`);
  if (r.duplicate_mints > 0) failures.push(`${r.duplicate_mints} duplicate mints`);
  if (r.options.issue && !r.supply_exact)
    failures.push(`supply ${r.minted} is not the recomputed ${r.recomputed} (period ${r.period_status})`);
  for (const [fault, s] of Object.entries(r.recovery_s))
    if (s === null) failures.push(`${fault} did not recover within the timeout`);
  const served500 = Object.entries(r.statuses).filter(([k]) => /^5\d\d$/.test(k) && k !== '503');
  if (served500.length > 0)
    failures.push(`the API answered ${JSON.stringify(Object.fromEntries(served500))}`);
  if (r.disk_full.run) {
    if (r.disk_full.unexpected_statuses > 0)
      failures.push(`disk full: ${r.disk_full.unexpected_statuses} answers neither 2xx nor 503`);
    if (r.disk_full.recovery_s === null)
      failures.push('disk full: no reading accepted after space was freed');
  } else if (process.env.CI) failures.push(`disk full not run in CI: ${r.disk_full.reason}`);
  for (const [name, j] of Object.entries(r.clock_jump))
    if (!j.as_defined) failures.push(`clock jump ${name}: ${JSON.stringify(j)}`);
  return failures;
}
