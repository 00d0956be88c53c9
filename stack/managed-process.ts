import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './stack-error.ts';

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Why the process stopped, once it has. */
  exited(): string | undefined;
  /** Resolves with the reason once the process has stopped, for whatever cause. */
  whenExited: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Kills a leftover child of an earlier run that was itself killed without cleaning up (its pid
 * file survived). Checks the command line, so a recycled pid of an unrelated process is spared.
 */
function reapOrphan(pidFile: string, binary: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes(binary)) process.kill(pid, 'SIGKILL');
  } catch {
    // no such process: nothing to reap
  }
  rmSync(pidFile, { force: true });
}

/** Starts a server binary as a child with its output in `<runDir>/<name>.log`. */
export function startManagedProcess(options: {
  name: string;
  binary: string;
  args: string[];
  runDir: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}): ManagedProcess {
  const { name, binary, args, runDir } = options;
  mkdirSync(runDir, { recursive: true });
  const pidFile = join(runDir, `${name}.pid`);
  const logFile = join(runDir, `${name}.log`);
  reapOrphan(pidFile, binary);
  const log = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(binary, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
  let exitReason: string | undefined;
  let reportExit: (reason: string) => void = () => {};
  const whenExited = new Promise<string>((resolve) => {
    reportExit = resolve;
  });
  child.once('error', (error) => {
    exitReason = `could not start ${binary}: ${error.message}`;
    reportExit(exitReason);
  });
  child.once('exit', (code, signal) => {
    exitReason ??= `exited with ${signal ?? `code ${code}`} (log: ${logFile})`;
    rmSync(pidFile, { force: true });
    reportExit(exitReason);
  });
  if (child.pid === undefined) {
    throw new StackError('START_FAILED', `${name}: could not start ${binary}`);
  }
  writeFileSync(pidFile, String(child.pid));
  return {
    name,
    pid: child.pid,
    logFile,
    exited: () => exitReason,
    whenExited,
    async stop() {
      if (exitReason !== undefined || child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timedOut = await Promise.race([gone.then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await gone;
      }
    },
  };
}
