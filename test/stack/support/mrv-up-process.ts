import { type ChildProcess, spawn } from 'node:child_process';
import { findFreePort } from '../../../stack/ports.ts';

export interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Every `mrv up` this file started, so a failed assertion does not leave a stack running. */
export const startedStacks: ChildProcess[] = [];

export function startUp(env: NodeJS.ProcessEnv): Started {
  const { MONGODB_URI: _m, TEMPORAL_ADDRESS: _t, LOG_STORE_URL: _l, ...rest } = process.env;
  const child = spawn(process.execPath, ['bin/mrv.js', 'up'], {
    env: { ...rest, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  startedStacks.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function waitForOutput(started: Started, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = started.stdout().match(pattern);
    if (match) return match[0];
    if (started.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no ${pattern} in output.\nstdout:\n${started.stdout()}\nstderr:\n${started.stderr()}`);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Free ports for every listener of one `mrv up`, as the variables that set them. */
export async function stackPorts(): Promise<Record<string, string>> {
  const names = [
    'API_PORT',
    'MONGODB_PORT',
    'TEMPORAL_PORT',
    'TEMPORAL_UI_PORT',
    'HEDERA_LOCAL_GRPC_PORT',
    'HEDERA_LOCAL_MIRROR_GRPC_PORT',
    'HEDERA_LOCAL_MIRROR_REST_PORT',
    'LOG_STORE_PORT',
    'MTLS_PORT',
  ];
  const ports: Record<string, string> = {};
  for (const name of names) ports[name] = String(await findFreePort());
  return ports;
}

/** SIGINT lets `mrv up` stop its own servers; waits for it to exit (at most `timeoutMs`). */
export async function stopStacks(timeoutMs = 30_000): Promise<void> {
  for (const child of startedStacks.filter((c) => c.exitCode === null && c.signalCode === null)) {
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await Promise.race([gone, new Promise((r) => setTimeout(r, timeoutMs))]);
  }
}
