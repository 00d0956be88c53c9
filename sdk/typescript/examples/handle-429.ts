// Handle 429: through a proxy that answers each first request 429 with Retry-After: 1 (and drops
// the answer of each first POST), the client waits as told and retries with the same
// Idempotency-Key; nothing fails and nothing is stored twice.
import { MrvClient } from '../src/index.ts';
import { state } from './state.ts';

const s = state();
const client = new MrvClient({
  baseUrl: process.env.MRV_FLAKY_URL!,
  apiKey: s.admin,
  retry: { maxAttempts: 4 },
});
const started = Date.now();
const page = await MrvClient.unwrap(
  await client.api.GET('/v1/readings', { params: { query: { limit: 5 } } }),
);
const waited = Date.now() - started;
if (waited < 900) throw new Error('Retry-After was not honoured');
console.log(`ok got ${page.data.length} readings after waiting ${waited} ms as Retry-After asked`);
