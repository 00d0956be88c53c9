import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** One component of the drill as its own OS process, so that it can be killed with SIGKILL. */
export interface Component {
  name: string;
  pid(): number | undefined;
  start(): Promise<void>;
  /** SIGKILL, then wait for the exit: no handler, no flush, no clean shutdown. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** Exits the drill did not cause (the supervisor restarted the process after each). */
  crashes(): number;
}

/**
 * An `mrv <command>` process (API, worker, local Hedera network). Like a process supervisor
 * (systemd, Kubernetes), it restarts a process that exits on its own after a second — the API and
 * the worker exit when their servers are unreachable at start — and counts it; a kill by the drill
 * is not restarted until the drill says so.
 */
export function nodeComponent(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  ready(): Promise<boolean>;
}): Component {
  let child: ChildProcess | undefined;
  let wanted = false;
  let crashes = 0;
  const spawnOnce = () => {
    const log = openSync(join(options.logDir, `${options.name}.log`), 'a');
    const c = spawn(process.execPath, ['bin/mrv.js', ...options.args], {
      env: options.env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    c.once('exit', () => {
      if (child !== c || !wanted) return;
      crashes += 1;
      child = undefined;
      setTimeout(() => {
        if (wanted && !child) child = spawnOnce();
      }, 1000);
    });
    return c;
  };
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => c.once('exit', () => resolve()));
  /** The running child, which from now on is not restarted when it exits. */
  const release = () => {
    wanted = false;
    const c = child;
    child = undefined;
    return c;
  };
  return {
    name: options.name,
    pid: () => child?.pid,
    crashes: () => crashes,
    async start() {
      wanted = true;
      child ??= spawnOnce();
      const deadline = Date.now() + 120_000;
      while (!(await options.ready().catch(() => false))) {
        if (Date.now() > deadline) throw new Error(`${options.name} not ready after 120 s`);
        await sleep(100);
      }
    },
    async kill() {
      const c = release();
      if (!c) return;
      c.kill('SIGKILL');
      await exited(c);
    },
    async stop() {
      const c = release();
      if (!c) return;
      c.kill('SIGTERM');
      const gone = await Promise.race([exited(c).then(() => true), sleep(15_000).then(() => false)]);
      if (!gone) {
        c.kill('SIGKILL');
        await exited(c);
      }
    },
  };
}
