import type { DeviceContext } from '../activities/policy-activities.ts';
import type { ApprovedReading } from './anchor-reading-batch.ts';
import type { PersistedDriver } from './policy-driver.ts';

/** The device workflow's input; `carried` is set only by its own continue-as-new. */
export interface DeviceWorkflowInput {
  orgId: string;
  projectId: string;
  deviceId: string;
  /** State handed over by continue-as-new. */
  carried?: DeviceCarry;
  /** Overrides of the workflow's limits (tests lower them to exercise continue-as-new); kept across runs. */
  limits?: DeviceWorkflowLimits;
}

export interface DeviceWorkflowLimits {
  /** History length after which the run continues as new (default 5,000). */
  historyEventsBeforeContinue?: number;
}

/** Everything a device workflow run hands to the next (continue-as-new). */
export interface DeviceCarry {
  context: DeviceContext;
  lifecycle: PersistedDriver;
  status: string;
  pending: string[];
  approved: ApprovedReading[];
  counters: { verify: number; anchor: number; step: number };
  lastAnchorMs: number;
  credentials: Record<string, string>;
  revoked: boolean;
}
