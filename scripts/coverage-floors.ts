/**
 * Coverage floors per room (percent), enforced by vitest when `npm test` runs the whole suite with
 * coverage: CI fails when a room falls below its floor. Each floor is the figure measured on the
 * whole suite rounded down to a whole percent (see the README's table), except that engine/,
 * identity/ and ledger/ are held at 95 % statements, the production plan's target. Raise a floor
 * when a room's coverage rises; never lower one to make a change pass.
 */
export const coverageFloors: Record<string, { statements: number; branches: number }> = {
  api: { statements: 0, branches: 0 },
  cli: { statements: 0, branches: 0 },
  config: { statements: 0, branches: 0 },
  engine: { statements: 95, branches: 0 },
  identity: { statements: 95, branches: 0 },
  ledger: { statements: 95, branches: 0 },
  observability: { statements: 0, branches: 0 },
  stack: { statements: 0, branches: 0 },
  store: { statements: 0, branches: 0 },
  workflows: { statements: 0, branches: 0 },
};
