// The worker's workflow bundle entry point: every workflow type is exported here.
export { selfTestWorkflow } from './self-test.ts';
