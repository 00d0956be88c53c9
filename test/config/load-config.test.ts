import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireServices, variables } from '../../config/index.ts';

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies every default when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.api).toMatchObject({ host: '127.0.0.1', port: 8080, publicUrl: 'http://127.0.0.1:8080' });
    expect(config.api.jwtKeyFile).toBe('.data/jwt-signing-key.pem');
    expect(config.hedera.network).toBe('local');
    expect(config.mongodb.uri).toBeUndefined();
    expect(config.dataDir).toBe('.data');
  });

  it('names the variable when a port is not a port', () => {
    for (const bad of ['abc', '0', '70000', '80.5', '-1']) {
      const error = errorOf(() => loadConfig({ API_PORT: bad }));
      expect(error.variable).toBe('API_PORT');
      expect(error.message).toContain('API_PORT');
    }
  });

  it('rejects an unknown Hedera network and lists the valid ones', () => {
    const error = errorOf(() => loadConfig({ HEDERA_NETWORK: 'devnet' }));
    expect(error.variable).toBe('HEDERA_NETWORK');
    expect(error.message).toContain('testnet');
  });

  it('requires operator credentials for a public Hedera network', () => {
    expect(errorOf(() => loadConfig({ HEDERA_NETWORK: 'testnet' })).variable).toBe('HEDERA_OPERATOR_ID');
    expect(
      errorOf(() => loadConfig({ HEDERA_NETWORK: 'testnet', HEDERA_OPERATOR_ID: '0.0.1234' })).variable,
    ).toBe('HEDERA_OPERATOR_KEY');
    expect(errorOf(() => loadConfig({ HEDERA_OPERATOR_ID: 'alice' })).variable).toBe('HEDERA_OPERATOR_ID');
  });

  it('never echoes a secret back in an error message', () => {
    const secret = 'not-hex-but-very-secret-value';
    const error = errorOf(() =>
      loadConfig({ HEDERA_NETWORK: 'testnet', HEDERA_OPERATOR_ID: '0.0.5', HEDERA_OPERATOR_KEY: secret }),
    );
    expect(error.variable).toBe('HEDERA_OPERATOR_KEY');
    expect(error.message).not.toContain(secret);
    const masterError = errorOf(() => loadConfig({ MRV_MASTER_KEY: 'c2hvcnQ=' }));
    expect(masterError.variable).toBe('MRV_MASTER_KEY');
    expect(masterError.message).not.toContain('c2hvcnQ=');
  });

  it('rejects a malformed MongoDB URI', () => {
    expect(errorOf(() => loadConfig({ MONGODB_URI: 'not a url' })).variable).toBe('MONGODB_URI');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ API_PORT: '' }).api.port).toBe(8080);
  });

  it('requires the service addresses to run the API or worker on their own', () => {
    expect(errorOf(() => requireServices(loadConfig({}), 'api')).variable).toBe('MONGODB_URI');
    expect(
      errorOf(() => requireServices(loadConfig({ MONGODB_URI: 'mongodb://db:27017' }), 'worker')).variable,
    ).toBe('TEMPORAL_ADDRESS');
  });

  it('serves every task-queue concern by default and accepts a subset in any spacing', () => {
    expect(loadConfig({}).workerConcerns).toEqual(['workflows', 'ledger', 'verification']);
    expect(loadConfig({ MRV_WORKER_CONCERNS: ' ledger , ledger,verification ' }).workerConcerns).toEqual([
      'ledger',
      'verification',
    ]);
  });

  it('names MRV_WORKER_CONCERNS and the valid concerns when the list is wrong', () => {
    for (const bad of ['ledgr', 'workflows,mint', ',', 'workflows;ledger', '$(rm -rf /)']) {
      const error = errorOf(() => loadConfig({ MRV_WORKER_CONCERNS: bad }));
      expect(error.variable).toBe('MRV_WORKER_CONCERNS');
      expect(error.message).toContain('workflows, ledger, verification');
    }
  });

  it('documents every variable it reads', () => {
    for (const spec of variables) expect(spec.description.length).toBeGreaterThan(10);
    expect(new Set(variables.map((v) => v.name)).size).toBe(variables.length);
  });
});
