import { createServer } from 'node:net';

/** A free loopback port (for servers that cannot listen on port 0, like modbus-serial's ServerTCP). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
