import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519KeyFromDidKey } from '../../engine/telemetry/did-key.ts';
import { verifyTelemetrySignature } from '../../engine/telemetry/index.ts';
import { call, createKey, registerOrganization } from '../api/support/api-harness.ts';
import { provisionDevice, setUpProject } from '../api/support/fixtures.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import { listen, root, run, startFlakyProxy, venvPython } from './live-sdk-server.ts';
import { runTypeScriptSdkChecks } from './typescript-sdk-checks.ts';

/**
 * The three SDKs against one live API server and worker (real FerretDB, Temporal and the local
 * Hedera network): the TypeScript SDK in this process, pytest and `go test` as child processes,
 * then every example of sdk/*\/examples in order (onboarding to a verified trust chain), and the
 * interop check that documents each SDK signed verify with the engine.
 */
describe('SDKs against a live API', () => {
  let h: PipelineHarness;
  let api: Awaited<ReturnType<typeof listen>>;
  let flaky: Awaited<ReturnType<typeof startFlakyProxy>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    h = await startPipelineHarness('sdk_live');
    await h.startWorker();
    const app = h.app();
    api = await listen(app);
    flaky = await startFlakyProxy(api.url);
    const org = await registerOrganization(app, 'SDK Hydro');
    const gateway = await createKey(app, org.key, ['telemetry:write', 'readings:read'], 'gateway');
    const { projectId, device } = await setUpProject(app, org.key);
    const devices = {
      ts: device,
      py: await provisionDevice(app, org.key, projectId),
      go: await provisionDevice(app, org.key, projectId),
    };
    env = {
      MRV_API_URL: api.url,
      MRV_FLAKY_URL: flaky.url,
      MRV_ADMIN_KEY: org.key,
      MRV_GATEWAY_KEY: gateway.key,
      MRV_GATEWAY_PREFIX: gateway.prefix,
      MRV_PROJECT_ID: projectId,
      MRV_TESTDATA: join(root, 'sdk/testdata'),
      ...Object.fromEntries(
        Object.entries(devices).flatMap(([sdk, d]) => [
          [`MRV_${sdk.toUpperCase()}_DEVICE_JWK`, JSON.stringify(d.response.pairing.private_key_jwk)],
          [`MRV_${sdk.toUpperCase()}_DEVICE_DID`, d.did],
          [`MRV_${sdk.toUpperCase()}_DEVICE_ID`, d.id],
        ]),
      ),
    };
  }, 300_000);

  afterAll(async () => {
    await flaky?.close();
    await api?.close();
    await h?.close();
  });

  it('TypeScript SDK (vitest): signing vectors, typed errors, batching, pagination, OAuth, retries', async () => {
    await runTypeScriptSdkChecks(env);
  }, 180_000);

  it('Python SDK (pytest) passes against the live server', async () => {
    const r = await run(venvPython, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'sdk/python/tests'], {
      env: { ...env, PYTHONPATH: join(root, 'sdk/python/src'), PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.out).toMatch(/\d+ passed/);
  }, 300_000);

  it('Go SDK (go test) passes against the live server', async () => {
    const r = await run('go', ['test', '-count=1', '-tags', 'live', './...'], {
      cwd: join(root, 'sdk/go'),
      env,
    });
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.out).toMatch(/^ok\s/m);
  }, 300_000);

  it('documents signed by each SDK were accepted and verify with the engine', async () => {
    for (const sdk of ['TS', 'PY', 'GO']) {
      const deviceId = env[`MRV_${sdk}_DEVICE_ID`]!;
      const list = await call(h.app(), 'GET', `/v1/readings?device_id=${deviceId}&limit=5`, {
        key: env.MRV_ADMIN_KEY!,
      });
      expect(list.json.data.length, sdk).toBeGreaterThan(0);
      const reading = await call(h.app(), 'GET', `/v1/readings/${list.json.data[0].id}`, {
        key: env.MRV_ADMIN_KEY!,
      });
      const key = ed25519KeyFromDidKey(reading.json.did)!;
      expect(verifyTelemetrySignature(reading.json.document, key), sdk).toBe(true);
    }
  });

  it('runs every example of the three SDKs, in order, from onboarding to a verified trust chain', async () => {
    const examples = JSON.parse(readFileSync(join(root, 'sdk/examples.json'), 'utf8')) as {
      name: string;
      sdk: string;
      file: string;
    }[];
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const sdk of ['typescript', 'python', 'go']) expect(examples.some((e) => e.sdk === sdk)).toBe(true);
    const state = join(mkdtempSync(join(tmpdir(), 'sdk-examples-')), 'state.json');
    for (const example of examples) {
      const exampleEnv = { ...env, MRV_STATE: state, PYTHONPATH: join(root, 'sdk/python/src') };
      const r =
        example.sdk === 'typescript'
          ? await run(
              join(root, 'node_modules/.bin/tsx'),
              [join(root, 'sdk/typescript/examples', example.file)],
              { env: exampleEnv },
            )
          : example.sdk === 'python'
            ? await run(venvPython, [join(root, 'sdk/python/examples', example.file)], { env: exampleEnv })
            : await run('go', ['run', `./examples/${example.file}`], {
                cwd: join(root, 'sdk/go'),
                env: exampleEnv,
              });
      expect(r.code, `${example.sdk} ${example.name}:\n${r.out}\n${r.err}`).toBe(0);
      expect(r.out, `${example.name} prints its result`).toMatch(/^ok /m);
    }
    const listed = new Set(examples.map((e) => e.file));
    for (const [dir, ext] of [
      ['sdk/typescript/examples', '.ts'],
      ['sdk/python/examples', '.py'],
    ] as const) {
      // state.ts / _state.py only pass notes between examples.
      const files = readdirSync(join(root, dir)).filter((f) => f.endsWith(ext) && !/^_?state\./.test(f));
      for (const f of files) expect(listed.has(f), f).toBe(true);
    }
    for (const f of readdirSync(join(root, 'sdk/go/examples'))) expect(listed.has(f), f).toBe(true);
  }, 900_000);
});
