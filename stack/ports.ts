import { createServer } from 'node:net';
import { StackError } from './stack-error.ts';

/** Resolves when `port` can be bound on `host`; otherwise a StackError naming the variable to change. */
export async function assertPortFree(options: {
  host: string;
  port: number;
  variable: string;
  what: string;
}): Promise<void> {
  const { host, port, variable, what } = options;
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new StackError(
          'PORT_IN_USE',
          `${what} cannot listen on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}. ` +
            `Stop whatever uses it, or set ${variable} to another port.`,
          { cause: error },
        ),
      );
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

/** An unused TCP port on the host, chosen by the OS (for tests and throw-away stacks). */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
