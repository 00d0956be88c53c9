import { readdirSync, readFileSync } from 'node:fs';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowTypes } from '../../workflows/shared.ts';
import { bundleMrvWorkflows } from '../../workflows/worker.ts';

const fixtures = new URL('./fixtures/', import.meta.url);
const histories = readdirSync(fixtures)
  .filter((name) => name.endsWith('.history.json'))
  .sort()
  .map((name) => ({
    name,
    history: historyFromJSON(JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'))),
  }));

/**
 * The recorded histories (test/workflows/fixtures, re-recorded by record-histories.ts) replay against
 * today's workflow code: a change that would make a running workflow take a different path without a
 * `patched()` guard fails here with a nondeterminism error, before it reaches a worker in production.
 */
describe('workflow code replays the recorded histories', () => {
  it('keeps a fixture of every workflow type', () => {
    const types = new Set(
      histories.map(
        ({ history }) =>
          history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? 'unknown',
      ),
    );
    expect([...types].sort()).toEqual(Object.values(workflowTypes).sort());
  });

  it('replays each history without a nondeterminism error', async () => {
    const results = Worker.runReplayHistories(
      { workflowBundle: await bundleMrvWorkflows(), replayName: 'fixtures' },
      histories.map(({ name, history }) => ({ workflowId: name, history })),
    );
    const outcomes: { workflowId: string; error?: string }[] = [];
    for await (const result of results) {
      outcomes.push({
        workflowId: result.workflowId,
        ...(result.error ? { error: String(result.error) } : {}),
      });
    }
    expect(outcomes).toEqual(histories.map(({ name }) => ({ workflowId: name })));
  }, 120_000);
});
