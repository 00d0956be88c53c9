import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * Every message a workflow accepts, as exported constants. The API's workflow client imports these
 * (never strings), so a renamed message breaks the build, not production.
 */

/** Claim check: the API stored these readings durably; the device workflow fetches them by id. */
export interface ReadingsAccepted {
  readingIds: string[];
}
export const readingsAcceptedSignal = defineSignal<[ReadingsAccepted]>('readingsAccepted');

/** Who acts on a workflow: checked against the policy's roles for the event. */
export interface Actor {
  /** The authenticated principal (API key id or OAuth client id). */
  id: string;
  /** The policy role the principal holds (e.g. verifier, project_developer, registry). */
  role: string;
}

/**
 * A lifecycle command from the API. The device workflow maps it to the policy's event (the first the
 * policy declares of `deviceCommandEvents[command]`) and checks the actor's role against the policy.
 */
export interface DeviceCommand {
  command: 'approve' | 'reject' | 'suspend' | 'reactivate' | 'decommission';
  reason: string;
  actor: Actor;
  /**
   * approve only: from when the registration is in force (RFC 3339), which the registry may set
   * before today for readings the device took before it was approved; absent: the approval's time.
   */
  effectiveFrom?: string;
}
export const deviceCommandEvents: Record<DeviceCommand['command'], readonly string[]> = {
  approve: ['approve_registration', 'approve'],
  reject: ['reject_registration', 'reject'],
  suspend: ['suspend'],
  reactivate: ['reactivate', 'reinstate'],
  decommission: ['decommission', 'retire'],
};

export const deviceCommandUpdate = defineUpdate<{ status: string }, [DeviceCommand]>('deviceCommand');

export interface ReviewDecision {
  decision: 'approve' | 'reject';
  reason: string;
  reviewer: Actor;
}
export const reviewUpdate = defineUpdate<{ status: string }, [ReviewDecision]>('review');

export interface CloseNow {
  actor: Actor;
}
export const closeNowSignal = defineSignal<[CloseNow]>('closeNow');

export interface ReportDecision {
  decision: 'approve' | 'reject';
  reason: string;
  reviewer: Actor;
}
export const reportDecisionUpdate = defineUpdate<{ status: string }, [ReportDecision]>('reportDecision');

/** Every workflow answers this query with its current policy state and status. */
export interface WorkflowStatus {
  policyHash: string;
  state: string;
  status: string;
  [detail: string]: unknown;
}
export const statusQuery = defineQuery<WorkflowStatus>('status');

/** A review workflow tells its device workflow that readings were approved (they join an anchor batch). */
export interface ReadingsApproved {
  readings: { readingId: string; period: string }[];
}
export const readingsApprovedSignal = defineSignal<[ReadingsApproved]>('readingsApproved');

/** The period workflow asks a device workflow to anchor its approved readings now. */
export const flushAnchorsSignal = defineSignal('flushAnchors');

/** The policy's calibration approver decides on an uploaded calibration certificate of the device. */
export interface CalibrationDecision {
  calibrationId: string;
  decision: 'approve' | 'reject';
  reason: string;
  reviewer: Actor;
}
export const calibrationDecisionUpdate = defineUpdate<
  { status: string; credentialId?: string },
  [CalibrationDecision]
>('calibrationDecision');
