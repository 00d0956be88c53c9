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

export interface DeviceCommand {
  command: 'suspend' | 'reactivate' | 'decommission';
  reason: string;
  actor: Actor;
}
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
