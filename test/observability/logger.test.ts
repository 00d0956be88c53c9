import { describe, expect, it } from 'vitest';
import { withCorrelationId } from '../../observability/correlation-context.ts';
import { createLogger } from '../../observability/logger.ts';
import { isSecretKey, redactSecrets } from '../../observability/redact-secrets.ts';

const derEd25519 = `302e020100300506032b657004220420${'ab'.repeat(32)}`;
const derEcdsa = `3030020100300706052b8104000a04220420${'cd'.repeat(32)}`;

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('structured logger', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const { logger, entries } = capture();
    logger.info({ organization: 'org-1' }, 'hello');
    expect(entries()).toEqual([expect.objectContaining({ level: 30, msg: 'hello', organization: 'org-1' })]);
    expect(String(entries()[0]?.time)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('stamps the correlation id of the current async context on every line, and none outside it', async () => {
    const { logger, entries } = capture();
    await withCorrelationId('corr-1', async () => {
      logger.info('first');
      await new Promise((resolve) => setImmediate(resolve));
      logger.child({ component: 'x' }).warn('after an await, from a child');
    });
    logger.info('outside');
    expect(entries().map((e) => e.correlationId)).toEqual(['corr-1', 'corr-1', undefined]);
  });

  it('redacts secrets under well-known keys at any depth', () => {
    const { logger, lines, entries } = capture();
    logger.info(
      {
        apiKey: 'k-top-1',
        headers: { authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': 'k-header-2' },
        config: { hedera: { operator: { operatorKey: 'k-deep-3', privateKeyMultibase: 'zk-deep-4' } } },
        users: [{ name: 'a', password: 'k-array-5' }],
        token: 'k-token-6',
        tokenId: '0.0.1234',
      },
      'config loaded',
    );
    const raw = lines.join('');
    for (const secret of [
      'k-top-1',
      'dXNlcjpwYXNz',
      'k-header-2',
      'k-deep-3',
      'zk-deep-4',
      'k-array-5',
      'k-token-6',
    ]) {
      expect(raw).not.toContain(secret);
    }
    const entry = entries()[0] as {
      config: { hedera: { operator: { operatorKey: string } } };
      tokenId: string;
    };
    expect(entry.config.hedera.operator.operatorKey).toBe('[redacted]');
    expect(entry.tokenId).toBe('0.0.1234');
  });

  it('redacts Hedera DER private keys, PEM keys and bearer tokens wherever they appear, message included', () => {
    const { logger, lines } = capture();
    logger.error(
      { detail: `bad key ${derEd25519}`, nested: { note: derEcdsa } },
      `could not parse ${derEd25519}`,
    );
    logger.warn({ header: 'Bearer eyJhbGciOiJFZERTQSJ9.e30.c2ln' }, 'auth');
    logger.info(
      { pem: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----' },
      'pem',
    );
    const raw = lines.join('');
    expect(raw).not.toContain('04220420ab');
    expect(raw).not.toContain('04220420cd');
    expect(raw).not.toContain('eyJhbGciOiJFZERTQSJ9');
    expect(raw).not.toContain('BEGIN PRIVATE KEY');
    expect(raw).toContain('could not parse [redacted]');
  });

  it('redacts a private key quoted in an error message or stack', () => {
    const { logger, lines, entries } = capture();
    logger.error({ err: new Error(`invalid operator key ${derEd25519}`) }, 'startup failed');
    expect(lines.join('')).not.toContain('04220420ab');
    expect((entries()[0]?.err as { message?: string } | undefined)?.message).toBe(
      'invalid operator key [redacted]',
    );
  });

  it('keeps ordinary fields and does not copy an object with nothing to redact', () => {
    const clean = { organization: 'org-1', nested: { count: 3, tags: ['a', 'b'] } };
    expect(redactSecrets(clean)).toBe(clean);
    expect(isSecretKey('apiKeyId')).toBe(false);
    expect(isSecretKey('x-api-key')).toBe(true);
    expect(isSecretKey('secretKeyMultibase')).toBe(true);
  });

  it('survives hostile log objects: cycles, very deep nesting and class instances', () => {
    const { logger, entries } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { password: 'k-very-deep' };
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    logger.info({ cyclic, deep, when: new Date(0), err: new Error('boom') }, 'hostile');
    expect(entries()[0]?.msg).toBe('hostile');
  });
});
