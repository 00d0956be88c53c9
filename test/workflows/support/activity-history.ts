import type { Client, WorkflowHandle } from '@temporalio/client';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];
type StartedAttributes = NonNullable<HistoryEvent['activityTaskStartedEventAttributes']>;

/**
 * One activity type in a workflow's history: the task queues it was scheduled on, its attempts'
 * start events (written when an attempt ends, with `attempt` and `lastFailure`), and whether any
 * attempt completed.
 */
export async function activityHistory(
  client: Client,
  workflowId: string,
  activityType: string,
): Promise<{ queues: string[]; starts: StartedAttributes[]; completed: boolean }> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const scheduled = new Map<string, string>();
  for (const e of events) {
    const a = e.activityTaskScheduledEventAttributes;
    if (a?.activityType?.name === activityType) scheduled.set(String(e.eventId), a.taskQueue!.name!);
  }
  const ofType = (id: unknown) => scheduled.has(String(id));
  return {
    queues: [...new Set(scheduled.values())],
    starts: events
      .map((e) => e.activityTaskStartedEventAttributes)
      .filter((s): s is StartedAttributes => !!s && ofType(s.scheduledEventId)),
    completed: events.some((e) => ofType(e.activityTaskCompletedEventAttributes?.scheduledEventId)),
  };
}
