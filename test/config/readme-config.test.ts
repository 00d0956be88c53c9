import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderVariablesTable } from '../../config/render-variables-table.ts';

describe('README configuration section', () => {
  it('lists exactly the variables the configuration module reads', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme
      .split('<!-- config-table:start -->')[1]
      ?.split('<!-- config-table:end -->')[0]
      ?.trim();
    expect(table, 'run `npx tsx scripts/render-readme-config.ts` after changing config/variables.ts').toBe(
      renderVariablesTable(),
    );
  });

  it('has a Quickstart with exactly two commands', () => {
    const readme = readFileSync('README.md', 'utf8');
    const quickstart = readme.split('## Quickstart')[1]?.split('\n## ')[0] ?? '';
    const commands = [...quickstart.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)].flatMap((m) =>
      m[1]!.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#')),
    );
    expect(commands).toEqual(['npm start', 'npm test']);
  });
});
