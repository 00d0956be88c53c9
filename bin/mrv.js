#!/usr/bin/env node
// Launcher: the project runs TypeScript directly through tsx, so `npx mrv …` works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
