// Plain data only: the browser specs (DOM-typed, test/e2e/console/tsconfig.json) import this file,
// so it must not pull in the API or the store.
/** What the browser tests are told about the live stack (written to a JSON file for Playwright). */
export interface ConsoleFixture {
  url: string;
  orgId: string;
  orgName: string;
  projectId: string;
  period: string;
  keys: { admin: string; verifier: string; author: string; auditor: string; developer: string };
  flagged: string[];
}
