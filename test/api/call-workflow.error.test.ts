import { describe, expect, it } from 'vitest';
import { callWorkflow, refusalError } from '../../api/call-workflow.ts';
import { ApiError } from '../../api/errors.ts';
import { WorkflowRefusedError } from '../../workflows/workflow-refused-error.ts';

describe('workflow answers at the API boundary', () => {
  it("maps a workflow's role refusal to 403 and keeps its reason", () => {
    const error = refusalError(
      new WorkflowRefusedError("role 'verifier' may not send 'approve_registration' (allowed: registry)", {
        kind: 'role',
      }),
    );
    expect(error.code).toBe('FORBIDDEN_ROLE');
    expect(error.extensions?.workflow_reason).toContain('allowed: registry');
  });

  it('maps any other refusal to 409', () => {
    expect(
      refusalError(
        new WorkflowRefusedError("'suspend' is not possible while the device is retired", { kind: 'state' }),
      ).code,
    ).toBe('INVALID_STATE');
  });

  it('turns an unreachable workflow service into 503 with Retry-After', async () => {
    const failing = callWorkflow(Promise.reject(new Error('14 UNAVAILABLE')), 1000);
    await expect(failing).rejects.toMatchObject({
      code: 'WORKFLOW_UNAVAILABLE',
      headers: { 'retry-after': '5' },
    });
    await expect(callWorkflow(Promise.reject(new Error('x')), 1000)).rejects.toBeInstanceOf(ApiError);
  });

  it('reports a workflow that has not answered yet as unanswered, not as an error', async () => {
    const never = new Promise<never>(() => undefined);
    expect(await callWorkflow(never, 10)).toEqual({ answered: false });
    expect(await callWorkflow(Promise.resolve({ status: 'active' }), 1000)).toEqual({
      answered: true,
      value: { status: 'active' },
    });
  });
});
