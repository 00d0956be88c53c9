import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertPortFree, findFreePort } from '../../stack/ports.ts';
import { StackError } from '../../stack/stack-error.ts';

describe('assertPortFree', () => {
  it('names the variable to change when the port is taken', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    try {
      const error = await assertPortFree({
        host: '127.0.0.1',
        port,
        variable: 'API_PORT',
        what: 'The API',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StackError);
      expect((error as StackError).code).toBe('PORT_IN_USE');
      expect((error as Error).message).toMatch(/in use.*set API_PORT/);
    } finally {
      server.close();
    }
  });

  it('resolves for a free port', async () => {
    const port = await findFreePort();
    await expect(
      assertPortFree({ host: '127.0.0.1', port, variable: 'X', what: 'x' }),
    ).resolves.toBeUndefined();
  });
});
