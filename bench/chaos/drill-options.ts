/** The drill's knobs: the bounded full drill (`npm run chaos`) or the short one the test suite runs. */
export interface DrillOptions {
  devices: number;
  /** Pause of each device between two delivered readings. */
  periodMs: number;
  /** Readings per Merkle batch (HCS anchor) in the drill's policy. */
  batchSize: number;
  /** How often the one-at-a-time kill sequence runs, then the all-at-once kill. */
  rounds: number;
  downMs: number;
  /** Load between faults, so each starts from a working system. */
  settleMs: number;
  recoveryTimeoutMs: number;
  diskFullMs: number;
  storeDiskBytes: number;
  /** Close the period and mint at the end (else the ledger check is anchor-level only). */
  issue: boolean;
}

const full: DrillOptions = {
  devices: 10,
  periodMs: 200,
  batchSize: 8,
  rounds: 2,
  downMs: 5_000,
  settleMs: 8_000,
  recoveryTimeoutMs: 120_000,
  diskFullMs: 10_000,
  storeDiskBytes: 512 * 2 ** 20,
  issue: true,
};

const short: DrillOptions = {
  ...full,
  devices: 5,
  periodMs: 300,
  rounds: 1,
  downMs: 2_000,
  settleMs: 2_000,
  recoveryTimeoutMs: 60_000,
  diskFullMs: 5_000,
  storeDiskBytes: 128 * 2 ** 20,
};

/** CHAOS_SHORT=1 picks the short drill; CHAOS_DEVICES, CHAOS_ROUNDS and CHAOS_ISSUE=0 override. */
export function drillOptions(env: NodeJS.ProcessEnv = process.env): DrillOptions {
  const base = env.CHAOS_SHORT === '1' ? short : full;
  return {
    ...base,
    ...(env.CHAOS_DEVICES ? { devices: Number(env.CHAOS_DEVICES) } : {}),
    ...(env.CHAOS_ROUNDS ? { rounds: Number(env.CHAOS_ROUNDS) } : {}),
    ...(env.CHAOS_ISSUE === '0' ? { issue: false } : {}),
  };
}
