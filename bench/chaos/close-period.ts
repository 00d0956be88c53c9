import { setTimeout as sleep } from 'node:timers/promises';
import { callApi } from './setup-project.ts';

/**
 * The issuance at the end of the drill, through the API as its users do it: the developer closes
 * the period (the workflow flushes every device's last Merkle batch, computes, issues and anchors
 * the monitoring report), the verifier approves it, the workflow mints and anchors the Issuance.
 * Resolves with the period's final status.
 */
export async function closeAndIssue(options: {
  apiUrl: string;
  apiKey: string;
  projectId: string;
  period: string;
  timeoutMs: number;
}): Promise<string> {
  const path = `/v1/projects/${options.projectId}/periods/${options.period}`;
  const api = (p: string, body?: string) =>
    callApi({ apiUrl: options.apiUrl, apiKey: options.apiKey, path: p, body });
  await api(`${path}/close`, '');
  const deadline = Date.now() + options.timeoutMs;
  const statusNow = async () =>
    ((await api(path).catch(() => undefined))?.json.status as string) ?? 'unknown';
  let status = await statusNow();
  let decided = false;
  while (!['issued', 'closed', 'not_eligible', 'rejected', 'computation_failed'].includes(status)) {
    if (Date.now() > deadline) return `timed out in ${status}`;
    if (status === 'awaiting_approval' && !decided) {
      await api(
        `${path}/decision`,
        JSON.stringify({ decision: 'approve', reason: 'chaos drill report checked' }),
      );
      decided = true;
    }
    await sleep(500);
    status = await statusNow();
  }
  return status;
}
