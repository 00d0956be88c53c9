import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SelfTestInput } from './definitions/self-test.ts';
import { taskQueues, workflowIds } from './shared.ts';

/**
 * The API's only door into Temporal: starts, queries, signals and updates workflows by their
 * deterministic ids, so a retried API call never starts a duplicate.
 */
export interface WorkflowGateway {
  runSelfTest(input: SelfTestInput): Promise<{ probeId: string; workflowId: string }>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function connectWorkflowGateway(options: {
  address: string;
  namespace?: string;
  taskQueue?: string;
}): Promise<WorkflowGateway> {
  const connection = await Connection.connect({ address: options.address });
  const namespace = options.namespace ?? 'default';
  const client = new Client({ connection, namespace });
  const taskQueue = options.taskQueue ?? taskQueues.main;
  return {
    async runSelfTest(input) {
      const workflowId = workflowIds.selfTest(input.probeId);
      try {
        const handle = await client.workflow.start('selfTestWorkflow', {
          taskQueue,
          workflowId,
          args: [input],
          workflowExecutionTimeout: '2 minutes',
        });
        await handle.result();
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        await client.workflow.getHandle(workflowId).result();
      }
      return { probeId: input.probeId, workflowId };
    },
    async ping() {
      await connection.workflowService.describeNamespace({ namespace });
      return true;
    },
    close: () => connection.close(),
  };
}
