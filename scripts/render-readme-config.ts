// Rewrites the configuration table in README.md from config/variables.ts: `npx tsx scripts/render-readme-config.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderVariablesTable } from '../config/render-variables-table.ts';

const start = '<!-- config-table:start -->';
const end = '<!-- config-table:end -->';
const readme = readFileSync('README.md', 'utf8');
const [before, rest] = readme.split(start);
const after = rest?.split(end)[1];
if (before === undefined || after === undefined) throw new Error('README.md lacks the config-table markers');
writeFileSync('README.md', `${before}${start}\n${renderVariablesTable()}\n${end}${after}`);
