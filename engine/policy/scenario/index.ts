export { checkExpectations, compareOutcome, type ExpectationResult } from './compare-outcome.ts';
export { parseScenario } from './parse-scenario.ts';
export { runScenario } from './run-scenario.ts';
export type { Scenario, ScenarioExpectation, ScenarioOutcome } from './scenario.ts';
export { scenarioDevice } from './scenario-device.ts';
