/**
 * `npm run chaos`: the whole-system chaos drill. Every component — FerretDB, the Temporal dev
 * server, the local Hedera network, the worker and the API — runs as its own process; devices send
 * signed telemetry like edge agents while each component is killed with SIGKILL, one at a time and
 * then all together, and restarted; then the store's disk fills up and two device clocks jump; then
 * the period is closed and minted. Prints one JSON line (the figures and the audit) on stdout and
 * exits 1 when an assertion fails. CHAOS_SHORT=1 is the version the test suite runs (≤ 3 min);
 * see bench/chaos/drill-options.ts for the other knobs.
 */

import { drillFailures } from './chaos/drill-failures.ts';
import { drillOptions } from './chaos/drill-options.ts';
import { runChaosDrill } from './chaos/run-drill.ts';

const result = await runChaosDrill(drillOptions());
const failures = drillFailures(result);
process.stdout.write(`${JSON.stringify({ ...result, failures })}\n`);
for (const f of failures) process.stderr.write(`chaos: FAILED: ${f}\n`);
// gRPC channels of the readiness probes can keep the event loop alive: end here.
process.exit(failures.length === 0 ? 0 : 1);
