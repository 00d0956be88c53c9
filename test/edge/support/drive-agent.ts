import type { AgentLog } from '../../../edge/agent/edge-agent.ts';
import { EdgeAgent } from '../../../edge/agent/edge-agent.ts';
import { edgePaths } from '../../../edge/cli/edge-paths.ts';
import { loadGateway } from '../../../edge/cli/load-gateway.ts';
import { createKeyVault } from '../../../edge/keys/key-vault.ts';
import type { ModbusPlantSimulator } from './modbus-plant-simulator.ts';

export const quietLog: AgentLog = { info() {}, warn() {}, error() {} };

/** An agent on a paired data directory with a clock the test moves (a week runs in seconds). */
export function fastClockAgent(
  dataDir: string,
  startMs: number,
  patch: (c: ReturnType<typeof loadGateway>['config']) => void = () => {},
  options: { renew?: boolean; log?: AgentLog } = {},
) {
  const paths = edgePaths(dataDir);
  const { config, secrets } = loadGateway(paths);
  patch(config);
  const clock = { now: startMs };
  const vault = createKeyVault({ path: paths.vault, keyFile: paths.keyFile });
  const agent = new EdgeAgent({
    config,
    secrets,
    dataDir,
    log: options.log ?? quietLog,
    now: () => clock.now,
    backoffBaseMs: 10,
    ...(options.renew ? { renewal: { configPath: paths.config, seal: (s) => vault.seal(s) } } : {}),
  });
  return { agent, clock, config };
}

/**
 * Runs `count` intervals: the simulated plant and the agent's clock advance together, the agent
 * polls `polls` times per interval and closes it. `before(i)` injects faults.
 */
export async function runIntervals(options: {
  agent: EdgeAgent;
  clock: { now: number };
  sim: ModbusPlantSimulator;
  fromMs: number;
  count: number;
  intervalMs: number;
  polls?: number;
  before?: (i: number) => void;
}): Promise<number> {
  const polls = options.polls ?? 2;
  let built = 0;
  for (let i = 0; i < options.count; i++) {
    const end = options.fromMs + (i + 1) * options.intervalMs;
    options.before?.(i);
    for (let p = 1; p <= polls; p++) {
      const t = end - options.intervalMs + (p * options.intervalMs) / polls - 1;
      options.clock.now = t;
      options.sim.advanceTo(t);
      await options.agent.poll(t);
    }
    options.clock.now = end;
    built += options.agent.closeInterval(end).built;
  }
  return built;
}

/** Drains until the buffer is empty (or `maxSteps`), returning the sum of the server's outcomes. */
export async function drainAll(agent: EdgeAgent, maxSteps = 10_000) {
  const total = { accepted: 0, duplicates: 0, deadLettered: 0, steps: 0 };
  for (; total.steps < maxSteps; total.steps++) {
    const step = await agent.drain();
    if (step.outcome === 'idle') break;
    if (step.outcome !== 'sent') await new Promise((r) => setTimeout(r, step.waitMs ?? 200));
    total.accepted += step.accepted;
    total.duplicates += step.duplicates;
    total.deadLettered += step.deadLettered;
  }
  return total;
}
