import { execFileSync } from 'node:child_process';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * Temporal's Java test server with time skipping, on a free port, for tests of the policy's long
 * timers (e.g. P7D escalation). scripts/install-temporal-test-server.sh fetches it from Maven Central
 * once (idempotent; needs java and mvn). Only `env.sleep('8 days')` advances server time, and it does
 * not wait for running activities: a skip must not span real activity work, or their timeouts fire.
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const path = execFileSync('bash', ['scripts/install-temporal-test-server.sh'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  // Skipping starts locked: server time runs at wall-clock pace except inside `env.sleep`.
  return await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
}
