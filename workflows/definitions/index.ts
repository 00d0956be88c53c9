// The worker's workflow bundle entry point: every workflow type is exported here.
export { deviceLifecycleWorkflow } from './device-lifecycle.ts';
export { periodIssuanceWorkflow } from './period-issuance.ts';
export { policyPublicationWorkflow } from './policy-publication.ts';
export { readingReviewWorkflow } from './reading-review.ts';
export { selfTestWorkflow } from './self-test.ts';
