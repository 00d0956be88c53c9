import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, call, registerOrganization, startApiHarness } from './support/api-harness.ts';
import { policySource, setUpProject, telemetry } from './support/fixtures.ts';

/** Values that have broken JSON handlers before: prototype keys, operators, huge numbers, odd strings. */
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  '$where',
  '$gt',
  'a.b',
  '',
  '\u0000',
  'signature',
);
const hostileValue = fc.oneof(
  fc.constantFrom(null, true, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, '', 'did:key:z6Mk', '\uD800'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
);
const jsonish = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    hostileValue,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('node'), { maxKeys: 5 }),
  ),
})).node;

describe('fuzzing never yields a 5xx', () => {
  let h: ApiHarness;
  let org: { key: string };
  let device: Awaited<ReturnType<typeof setUpProject>>['device'];
  beforeAll(async () => {
    h = await startApiHarness('fuzz');
    org = await registerOrganization(h.app());
    device = (await setUpProject(h.app(), org.key)).device;
  });
  afterAll(async () => await h?.close());

  it('survives arbitrary JSON and mutated signed documents on POST /v1/telemetry', async () => {
    const app = h.app({ limits: { ratePerHour: 1_000_000 } });
    let seq = 1000;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          jsonish,
          fc.tuple(hostileKey, hostileValue).map(([k, v]) => ({ ...telemetry(device, seq++), [k]: v })),
          fc
            .tuple(fc.constantFrom('seq', 'timestamp', 'readings', 'metadata', 'interval_s'), jsonish)
            .map(([k, v]) => ({
              ...telemetry(device, seq++),
              [k]: v,
            })),
          fc.array(jsonish, { maxLength: 5 }).map((documents) => ({ documents })),
        ),
        async (body) => {
          const res = await call(app, 'POST', '/v1/telemetry', { key: org.key, body: JSON.stringify(body) });
          expect(res.status, res.text).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('survives arbitrary and mutated policy uploads', async () => {
    const app = h.app({ limits: { ratePerHour: 1_000_000 } });
    const lines = policySource.split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc
            .tuple(fc.nat(lines.length - 1), fc.string({ maxLength: 30 }))
            .map(([i, junk]) => [...lines.slice(0, i), junk, ...lines.slice(i + 1)].join('\n')),
          fc.constantFrom('a: &a [*a]', '{', '- - - -', 'language: 1\n'.repeat(50), `${'['.repeat(500)}`),
        ),
        async (source) => {
          const res = await call(app, 'POST', '/v1/policy-drafts', {
            key: org.key,
            body: source,
            headers: { 'content-type': 'application/yaml' },
          });
          expect(res.status, res.text).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });
});
