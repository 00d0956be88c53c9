/**
 * Keeps the console's live test stack running for work on the browser specs:
 *   node bin/mrv.js services run -- npx tsx test/e2e/support/serve-console-stack.ts /tmp/console.json
 *   CONSOLE_FIXTURE=/tmp/console.json npx playwright test -c test/e2e/console/playwright.config.ts
 */
import { startConsoleStack, writeFixture } from './console-stack.ts';

const file = process.argv[2] ?? '/tmp/mrv-console-fixture.json';
const stack = await startConsoleStack('console-dev');
writeFixture(file, stack.fixture);
process.stdout.write(`console stack at ${stack.fixture.url}/console/ — fixture in ${file}\n`);
const stop = async () => {
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
