import type { EmbeddedService } from '../../stack/embedded-mongodb.ts';
import type { Component } from './node-component.ts';

/**
 * FerretDB or the Temporal dev server, started by the stack's own starter (same data directory and
 * port on every start, so a restart finds its data). An exit the drill did not cause is restarted
 * and counted, as for the node components.
 */
export function serverComponent(name: string, startServer: () => Promise<EmbeddedService>): Component {
  let current: EmbeddedService | undefined;
  let wanted = false;
  let crashes = 0;
  const watch = (service: EmbeddedService) => {
    void service.process.whenExited.then(() => {
      if (current !== service || !wanted) return;
      crashes += 1;
      current = undefined;
      const restart = (): void => {
        if (!wanted || current) return;
        startServer().then(
          (s) => {
            current = s;
            watch(s);
          },
          () => setTimeout(restart, 1000),
        );
      };
      setTimeout(restart, 1000);
    });
  };
  return {
    name,
    pid: () => current?.process.pid,
    crashes: () => crashes,
    async start() {
      wanted = true;
      if (current) return;
      current = await startServer();
      watch(current);
    },
    async kill() {
      wanted = false;
      const s = current;
      current = undefined;
      if (!s) return;
      process.kill(s.process.pid, 'SIGKILL');
      await s.process.whenExited;
    },
    async stop() {
      wanted = false;
      const s = current;
      current = undefined;
      await s?.process.stop();
    },
  };
}
