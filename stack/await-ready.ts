import type { ManagedProcess } from './managed-process.ts';
import { StackError } from './stack-error.ts';
import { waitUntil } from './wait-until.ts';

/**
 * Waits until a freshly started server answers `probe`; if it does not (or it dies first), stops it
 * and throws NOT_READY naming the server, its address, why, and its log file.
 */
export async function awaitReady(options: {
  what: string;
  child: ManagedProcess;
  address: string;
  probe: () => Promise<boolean>;
  timeoutMs: number;
  intervalMs?: number;
}): Promise<void> {
  const { what, child, address } = options;
  const ready = await waitUntil({
    probe: options.probe,
    timeoutMs: options.timeoutMs,
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    aborted: child.exited,
  });
  if (!ready.ok) {
    await child.stop();
    throw new StackError(
      'NOT_READY',
      `${what} did not become ready on ${address}: ${ready.abortedBecause ?? String(ready.lastError)} (log: ${child.logFile})`,
    );
  }
}
