// Close a period: the project developer closes February; the verifier approves the monitoring
// report; the mint follows, exactly once.
import { MrvClient } from '../src/index.ts';
import { baseUrl, state, waitFor } from './state.ts';

const s = state();
const admin = new MrvClient({ baseUrl, apiKey: s.admin });
const verifier = new MrvClient({ baseUrl, apiKey: s.verifier });
const path = { projectId: s.project, period: '2026-02' };
const closed = await MrvClient.unwrap(
  await admin.api.POST('/v1/projects/{projectId}/periods/{period}/close', { params: { path } }),
);
const status = async (wanted: string) => {
  const p = await MrvClient.unwrap(
    await admin.api.GET('/v1/projects/{projectId}/periods/{period}', { params: { path } }),
  );
  return p.status === wanted ? p : undefined;
};
await waitFor('the monitoring report', () => status('awaiting_approval'));
await MrvClient.unwrap(
  await verifier.api.POST('/v1/projects/{projectId}/periods/{period}/decision', {
    params: { path },
    body: { decision: 'approve', reason: 'monitoring report checked' },
  }),
);
const issued = await waitFor('the issuance', () => status('issued'));
console.log(`ok period 2026-02 closed by ${closed.acted_as}: ${issued.er_tco2e ?? '?'} tCO2e issued`);
