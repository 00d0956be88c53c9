import type { ScenarioExpectation, ScenarioOutcome } from './scenario.ts';

/** One stated expectation of a scenario and whether the run met it. */
export interface ExpectationResult {
  what: string;
  expected: unknown;
  actual: unknown;
  passed: boolean;
}

/**
 * Every expectation a scenario states, checked against what happened (only the stated keys), so a
 * report can show pass/fail per expectation.
 */
export function checkExpectations(
  expect: ScenarioExpectation,
  outcome: ScenarioOutcome,
): ExpectationResult[] {
  const results: ExpectationResult[] = [];
  const same = (what: string, expected: unknown, actual: unknown) => {
    const passed =
      typeof expected === 'number' && typeof actual === 'number'
        ? Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected))
        : expected === actual;
    results.push({ what, expected, actual, passed });
  };
  for (const [key, status] of Object.entries(expect.statuses ?? {}))
    same(`status of reading ${key}`, status, outcome.statuses[key]);
  for (const [status, n] of Object.entries(expect.status_counts ?? {}))
    same(`readings ${status}`, n, outcome.status_counts[status] ?? 0);
  for (const [schema, n] of Object.entries(expect.credentials ?? {}))
    same(`${schema} credentials`, n, outcome.credentials[schema] ?? 0);
  for (const [role, n] of Object.entries(expect.notifications ?? {}))
    same(`notifications to ${role}`, n, outcome.notifications[role] ?? 0);
  for (const [doc, n] of Object.entries(expect.anchors ?? {})) {
    same(`anchors of ${doc}`, n, outcome.anchors[doc] ?? 0);
  }
  if (expect.minted !== undefined) same('minted amount', expect.minted, outcome.minted);
  if (expect.period_status !== undefined) same('period status', expect.period_status, outcome.period_status);
  if (expect.device_status !== undefined) same('device status', expect.device_status, outcome.device_status);
  if (expect.eligible !== undefined) same('eligible', expect.eligible, outcome.eligible);
  if (expect.eg_mwh !== undefined) same('EG (MWh)', expect.eg_mwh, outcome.eg_mwh);
  if (expect.refused !== undefined) same('refused events', expect.refused, outcome.refused);
  return results;
}

/**
 * Differences between what a scenario expects and what happened, one message each; empty means the
 * scenario passes. Only the keys the scenario states are compared.
 */
export function compareOutcome(expect: ScenarioExpectation, outcome: ScenarioOutcome): string[] {
  return checkExpectations(expect, outcome)
    .filter((r) => !r.passed)
    .map((r) => `${r.what}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.actual)}`);
}
